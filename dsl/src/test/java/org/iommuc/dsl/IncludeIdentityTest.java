package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** A file is one file however it is reached: through a symbolic link, or by two spellings of its path. */
class IncludeIdentityTest {

    @TempDir
    Path dir;

    private Path symlink(String name, String target) throws IOException {
        try {
            return Files.createSymbolicLink(dir.resolve(name), Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not supported here: " + e.getMessage());
            throw e;
        }
    }

    /** A complete description, so that a clean compile renders nothing. */
    private static String iommu(String name) {
        return "iommu " + name + " {\n    iova 32;\n    oa 32;\n    registers { BASE 0x00 rw; }\n"
                + "    format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }\n"
                + "    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n"
                + "    walk {\n        root BASE;\n        level dt index iova 31:22 : dte table;\n"
                + "        level pt index iova 21:12 : pte leaf 4K;\n    }\n}\n";
    }

    private Compilation compile(String main) throws IOException {
        Files.writeString(dir.resolve("main.iommu"), main);
        return Frontend.compile(List.of(dir.resolve("main.iommu")), dir);
    }

    private void writeY() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/y.iommu"), iommu("y"));
    }

    @Test
    void aFileReachedThroughASymbolicLinkIsReadOnce() throws IOException {
        writeY();
        symlink("ylink.iommu", "sub/y.iommu");
        Compilation c = compile("include \"sub/y.iommu\";\ninclude \"ylink.iommu\";\n" + iommu("m"));
        assertThat(c.render()).isEmpty();
    }

    @Test
    void twoSpellingsOfOnePathAreOneFile() throws IOException {
        writeY();
        assertThat(compile("include \"sub/y.iommu\";\ninclude \"./sub/../sub/y.iommu\";\n" + iommu("m")).render()).isEmpty();
    }

    @Test
    void aCycleThroughASymbolicLinkIsNamedAsWritten() throws IOException {
        Files.writeString(dir.resolve("b.iommu"), "include \"alink.iommu\";\n");
        symlink("alink.iommu", "main.iommu");
        Compilation c = compile("include \"b.iommu\";\n" + iommu("a"));
        assertThat(c.render()).startsWith("b.iommu:1:9: error[E0004]: include cycle: main.iommu -> b.iommu -> alink.iommu;");
    }

    @Test
    void includesOfALinkedFileAreRelativeToTheLink() throws IOException {
        // ylink.iommu in the top folder points into sub/; its include "z.iommu" is the top folder's z.iommu
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/y.iommu"), "include \"z.iommu\";\n");
        Files.writeString(dir.resolve("z.iommu"), iommu("z"));
        symlink("ylink.iommu", "sub/y.iommu");
        assertThat(compile("include \"ylink.iommu\";\n" + iommu("m")).render()).isEmpty();
    }
}
