package org.iommuc.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ant-style include and exclude patterns, as Maven users write them. */
class IncludesTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultTakesEveryIommuFileAtAnyDepth() {
        Includes includes = new Includes(null, null);
        assertThat(includes.matches("a.iommu")).isTrue();
        assertThat(includes.matches("x/y/a.iommu")).isTrue();
        assertThat(includes.matches("a.iommu.bak")).isFalse();
        assertThat(includes.matches("test-vectors.txt")).isFalse();
        assertThat(includes).hasToString("**/*.iommu");
    }

    @Test
    void patternsMatchFoldersAndNamesAsAntDoes() {
        assertThat(Includes.toRegex("*.iommu").matcher("x/a.iommu").matches()).as("* stays in one folder").isFalse();
        assertThat(Includes.toRegex("x/**/a?.iommu").matcher("x/a1.iommu").matches()).isTrue();
        assertThat(Includes.toRegex("x/**/a?.iommu").matcher("x/y/z/a1.iommu").matches()).isTrue();
        assertThat(Includes.toRegex("x/**/a?.iommu").matcher("x/a12.iommu").matches()).isFalse();
        assertThat(Includes.toRegex("common/").matcher("common/base.iommu").matches()).as("a trailing / is a folder").isTrue();
        assertThat(Includes.toRegex("a+b.iommu").matcher("a+b.iommu").matches()).as("other characters are literal").isTrue();
        assertThat(Includes.toRegex("a+b.iommu").matcher("aab.iommu").matches()).isFalse();
    }

    @Test
    void scanFindsTheMatchingFilesSortedAndLeavesOutTheExcluded() throws IOException {
        for (String f : List.of("b.iommu", "a.iommu", "sub/c.iommu", "common/base.iommu", "notes.txt")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<Path> found = new Includes(List.of("**/*.iommu"), List.of("common/**")).scan(dir);
        assertThat(found).extracting(p -> Includes.relative(dir, p)).containsExactly("a.iommu", "b.iommu", "sub/c.iommu");
        assertThat(new Includes(null, null).scan(dir.resolve("missing"))).isEmpty();
    }
}
