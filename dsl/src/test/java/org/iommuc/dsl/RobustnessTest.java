package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.parse.ModelBuilder.FileDecl;
import org.iommuc.dsl.resolve.Loader;
import org.iommuc.dsl.resolve.Merger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the fuzz test found breaking the front end, each pinned to the diagnostic it gives now. */
class RobustnessTest {

    @Test
    void includePathWithNulIsAnErrorAtTheInclude() {
        Compilation c = Frontend.compileText("nul.iommu", "include \"a\u0000b.iommu\";\niommu x { }\n");

        Diagnostic d = only(c);
        assertThat(d.code()).isEqualTo(Code.E0003);
        assertThat(d.span().line()).isEqualTo(1);
        assertThat(d.span().column()).isEqualTo(9);
        assertThat(d.message()).startsWith("cannot read included file 'a\u0000b.iommu': not a valid path");
    }

    @Test
    void unreadableIncludeIsReportedInPlainWords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("main.iommu");
        Files.writeString(file, "include \"" + "x".repeat(300) + ".iommu\";\niommu x { }\n");

        Compilation c = Frontend.compile(List.of(file), dir);

        assertThat(only(c).code()).isEqualTo(Code.E0003);
        assertThat(only(c).message()).endsWith(": file name too long");
        assertThat(c.render()).doesNotContain("Exception");
    }

    @Test
    void includeOfADeviceIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        Path file = dir.resolve("main.iommu");
        Files.writeString(file, "include \"/dev/zero\";\niommu x { }\n");

        Compilation c = Frontend.compile(List.of(file), dir);

        assertThat(only(c).code()).isEqualTo(Code.E0003);
        assertThat(only(c).message()).isEqualTo("cannot read included file '/dev/zero': not a regular file");
    }

    @Test
    void hugeNumberIsRefusedQuicklyAndQuotedShort() {
        Compilation c = Frontend.compileText("n.iommu", "iommu x { iova " + "9".repeat(1 << 20) + "; }\n");

        assertThat(only(c).code()).isEqualTo(Code.E0007);
        assertThat(only(c).message()).isEqualTo(
                "number 999999999999999999999999999999... (1048576 characters) does not fit in 64 bits");
    }

    @Test
    void numberJustOverSixtyFourBitsIsStillRefused() {
        assertThat(only(Frontend.compileText("n.iommu", "iommu x { iova 18446744073709551616; }\n")).code())
                .isEqualTo(Code.E0007);
        assertThat(only(Frontend.compileText("n.iommu", "iommu x { iova 0x1_0000_0000_0000_0000; }\n")).code())
                .isEqualTo(Code.E0007);
        assertThat(Frontend.compileText("n.iommu", "iommu x { iova 0x0000_FFFF_FFFF_FFFF_FFFF; }\n").diagnostics())
                .noneMatch(d -> d.code() == Code.E0007);
    }

    @Test
    void longLineIsShownAsAWindowAroundTheCaret() {
        String text = "iommu x { /*" + "c".repeat(100_000) + "*/ iova UNKNOWN; }";
        Compilation c = Frontend.compileText("long.iommu", text);

        String[] lines = c.render().split("\n");
        assertThat(only(c).code()).isEqualTo(Code.E0101);
        assertThat(lines[1]).hasSizeLessThan(300).startsWith("    1 | ...").contains("*/ iova UNKNOWN; }");
        int caret = lines[2].indexOf('^');
        assertThat(lines[1].substring(caret)).startsWith("UNKNOWN");
        assertThat(lines[2].substring(caret)).isEqualTo("^^^^^^^");
    }

    @Test
    void renderingStopsAfterTheCap() {
        StringBuilder text = new StringBuilder("iommu x {\n    registers {\n");
        int count = DiagnosticRenderer.MAX_RENDERED + 500;
        for (int i = 0; i < count; i++) {
            text.append("        R").append(i).append(' ').append(i * 4).append(" rw reset NOPE;\n");
        }
        Compilation c = Frontend.compileText("many.iommu", text.append("    }\n}\n").toString());

        assertThat(c.diagnostics()).hasSize(count);
        assertThat(c.render()).endsWith("(500 more diagnostics not shown)\n");
    }

    /** The overlay keeps its order after it stopped searching linearly (16,000 overrides took 11.5 s). */
    @Test
    void derivedItemsReplaceInheritedOnesInPlaceAndNewOnesAreAppended() {
        String text = """
                iommu base { registers { R0 0x0 rw; R1 0x4 rw; R2 0x8 rw; } }
                iommu derived extends base { registers { R1 0x4 ro; R3 0xC rw; R1 0x10 wo; } }
                """;
        Diagnostics diagnostics = new Diagnostics();
        FileDecl file = new Loader(diagnostics).loadText("m.iommu", text);
        Map<String, Description> declared = new LinkedHashMap<>();
        for (Description d : file.descriptions()) {
            declared.put(d.name().text(), d);
        }

        Description merged = new Merger(declared, diagnostics).merge(declared.get("derived"));

        assertThat(diagnostics.size()).isZero();
        assertThat(merged.registers()).extracting(r -> r.name().text() + " " + r.access().value().keyword())
                .containsExactly("R0 rw", "R1 ro", "R2 rw", "R3 rw", "R1 wo");
    }

    private static Diagnostic only(Compilation c) {
        assertThat(c.diagnostics()).as(c.render()).hasSize(1);
        return c.diagnostics().get(0);
    }
}
