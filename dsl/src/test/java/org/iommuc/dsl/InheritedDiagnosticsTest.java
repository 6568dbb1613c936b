package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem a derived description causes in what it inherits (a removed register still used by
 * a base rule) is reported at the base's text with a note at the derived description; a problem
 * of the base itself, checked too, is reported once, plainly.
 */
class InheritedDiagnosticsTest {

    private static final String BASE = """
            iommu base {
                iova 32;
                oa 32;
                registers {
                    ROOT 0x00 rw;
                    ZAP  0x04 wo;
                }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                walk { root ROOT; level pt index iova 31:12 size 4M : pte leaf 4K; }
                tlb { caches leaf; }
                behaviour { on write ZAP { invalidate tlb page(value); } }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aRemovalThatBreaksTheBaseIsTracedToTheDerivedDescription() throws IOException {
        Files.writeString(dir.resolve("base.iommu"), BASE);
        Path derived = Files.writeString(dir.resolve("derived.iommu"),
                "include \"base.iommu\";\niommu derived extends base { remove register ZAP; }\n");
        Compilation c = Frontend.compile(List.of(derived), dir);
        List<Diagnostic> errors = c.diagnostics();
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.code().name()).isEqualTo("E0101");
            assertThat(d.span().file()).isEqualTo("base.iommu");
            assertThat(d.notes()).singleElement().satisfies(n -> {
                assertThat(n.span().file()).isEqualTo("derived.iommu");
                assertThat(n.span().line()).isEqualTo(2);
                assertThat(n.message()).startsWith("found while checking iommu 'derived', which inherits this from 'base'");
            });
        });
    }

    @Test
    void downAChainOfExtendsTheProblemIsReportedOnceAtTheFirstDerivedDescription() throws IOException {
        Files.writeString(dir.resolve("base.iommu"), BASE);
        Path chain = Files.writeString(dir.resolve("chain.iommu"), "include \"base.iommu\";\n"
                + "iommu d2 extends base { remove register ZAP; }\n"
                + "iommu d3 extends d2 { }\n");
        Compilation c = Frontend.compile(List.of(chain), dir);
        assertThat(c.diagnostics()).singleElement().satisfies(d -> assertThat(d.notes()).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("found while checking iommu 'd2'")));
    }

    @Test
    void aProblemOfTheBaseItselfIsReportedOnceWithoutTheNote() throws IOException {
        Path base = Files.writeString(dir.resolve("base.iommu"), BASE.replace("ZAP  0x04 wo;", "ZAP  0x04 wo;\n        ID   0x08 ro;").replace("    behaviour", "    sequence s { write ID = 1; }\n    behaviour"));
        Path derived = Files.writeString(dir.resolve("derived.iommu"),
                "include \"base.iommu\";\niommu derived extends base { }\n");
        Compilation both = Frontend.compile(List.of(base, derived), dir);
        assertThat(both.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.notes()).isEmpty());
        Compilation alone = Frontend.compile(List.of(derived), dir);
        assertThat(alone.diagnostics()).hasSameSizeAs(both.diagnostics())
                .allSatisfy(d -> assertThat(d.notes()).hasSize(1));
        Path sibling = Files.writeString(dir.resolve("sibling.iommu"),
                "include \"base.iommu\";\niommu sibling extends base { }\n");
        Compilation siblings = Frontend.compile(List.of(derived, sibling), dir);
        assertThat(siblings.diagnostics()).as("once for both siblings").hasSameSizeAs(both.diagnostics());
    }

    @Test
    void aDerivedDescriptionRemovesOrReplacesAnInheritedOption() throws IOException {
        Files.writeString(dir.resolve("base.iommu"), BASE.replace("    behaviour", "    option quirk \"vendor,quirk\";\n"
                + "    sequence s { if quirk == 1 { write ZAP = 0; } }\n    behaviour"));
        Path removed = Files.writeString(dir.resolve("removed.iommu"),
                "include \"base.iommu\";\niommu removed extends base { remove option quirk; remove sequence s; }\n");
        Compilation ok = Frontend.compile(List.of(removed), dir);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.descriptions()).filteredOn(d -> d.name().text().equals("removed")).singleElement()
                .satisfies(d -> assertThat(d.options()).isEmpty());
        Path dangling = Files.writeString(dir.resolve("dangling.iommu"),
                "include \"base.iommu\";\niommu dangling extends base { remove option quirk; }\n");
        assertThat(Frontend.compile(List.of(dangling), dir).diagnostics()).extracting(d -> d.code().name())
                .as("the base's sequence still reads it").contains("E0101");
    }
}
