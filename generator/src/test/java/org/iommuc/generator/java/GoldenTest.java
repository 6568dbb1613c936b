package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.generator.JavaOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources of two examples, compared with reviewed copies under
 * {@code src/test/resources/golden/}: Rockchip v2 (split address slices, a stalling fault, a
 * computed interrupt status) and Exynos v5 (several page sizes, two kinds per level, a walk
 * cache, shifted addresses). {@code -Dgolden.update=true} rewrites them; review what it wrote.
 */
class GoldenTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rockchip-v2", "exynos-sysmmu-v5"})
    void generatedSourcesMatchTheReviewedCopies(String example) throws IOException {
        List<GeneratedFile> files = JavaBackend.generate(Compiled.example(example + ".iommu"), JavaOptions.defaults());
        Path folder = TestFiles.root().resolve("generator/src/test/resources/golden").resolve(example);
        if (TestFiles.updateGolden()) {
            rewrite(folder, files);
        }
        List<String> expectedNames = new ArrayList<>();
        for (GeneratedFile f : files) {
            String name = Path.of(f.path()).getFileName().toString();
            expectedNames.add(name);
            Path golden = folder.resolve(name);
            assertThat(golden).as("golden copy of %s (run with -Dgolden.update=true)", name).exists();
            assertThat(f.content()).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
        try (Stream<Path> existing = Files.list(folder)) {
            assertThat(existing.map(p -> p.getFileName().toString())).as("no stale golden files")
                    .containsExactlyInAnyOrderElementsOf(expectedNames);
        }
    }

    private static void rewrite(Path folder, List<GeneratedFile> files) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (GeneratedFile f : files) {
            Files.writeString(folder.resolve(Path.of(f.path()).getFileName()), f.content(), StandardCharsets.UTF_8);
        }
    }
}
