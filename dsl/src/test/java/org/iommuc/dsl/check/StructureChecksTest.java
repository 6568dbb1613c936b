package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Focused cases of the structure checks that the bad/ corpus does not pin down. */
class StructureChecksTest {

    @Test
    void aViewPairNamedFromBothSidesIsReportedOnce() {
        String text = StructureTexts.withRegisters("""
                        EXCEPTION 0x380 wo view FAULT_ADDR;
                        FAULT_ADDR 0x380 rw view EXCEPTION;
                """);
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        assertThat(diagnostics).hasSize(1);
        int[] at = StructureTexts.position(text, "FAULT_ADDR;");
        assertThat(diagnostics.get(0).code().name()).isEqualTo("E0206");
        assertThat(diagnostics.get(0).span().line()).isEqualTo(at[0]);
        assertThat(diagnostics.get(0).span().column()).isEqualTo(at[1]);
    }

    @Test
    void severalReservedRangesAreNotDuplicateFields() {
        String text = StructureTexts.withFormats("32", """
                    format dte : u32 { valid 0 = 1; reserved 11:9; reserved 8:1; table 31:12 -> 31:12; }
                    format pte : u32 { valid 0 = 1; reserved 11:9, 8:1; page 31:12 -> 31:12; }
                """);
        assertThat(StructureTexts.diagnostics(text)).isEmpty();
    }

    @Test
    void unmapClearingTheValidBitLeavesAnEntryNoKindMatches() {
        String clean = StructureTexts.withWalk(StructureTexts.FORMATS, StructureTexts.LEVELS
                + "        empty pt fault clear valid;\n");
        assertThat(StructureTexts.diagnostics(clean)).isEmpty();

        String formats = """
                    format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                    format pte : u32 { valid 0 = 1; readable 1; page 31:12 -> 31:12; }
                """;
        String text = StructureTexts.withWalk(formats, StructureTexts.LEVELS + "        empty pt fault clear readable;\n");
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        assertThat(diagnostics).hasSize(1);
        int[] at = StructureTexts.position(text, "readable;\n");
        assertThat(diagnostics.get(0).code().name()).isEqualTo("E0409");
        assertThat(diagnostics.get(0).span().line()).isEqualTo(at[0]);
        assertThat(diagnostics.get(0).span().column()).isEqualTo(at[1]);
        assertThat(diagnostics.get(0).message()).contains("readable = 0 still matches");
    }

    @Test
    void tablesCannotBeWiderThanTheOutputAddress() {
        String text = StructureTexts.description("32 tables 40", StructureTexts.REGISTERS, StructureTexts.FORMATS,
                StructureTexts.LEVELS);
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).code().name()).isEqualTo("E0106");
        assertThat(diagnostics.get(0).span().line()).isEqualTo(3);
        assertThat(diagnostics.get(0).span().column()).isEqualTo(StructureTexts.position(text, "40")[1]);
    }

    @Test
    void aFixedIndexLevelMayNotHoldLeaves() {
        String text = StructureTexts.withWalk(StructureTexts.FORMATS, """
                        level top index 0 size 4K : dte table | pte leaf 4K;
                        level dt index iova 31:22 : dte table;
                        level pt index iova 21:12 : pte leaf 4K;
                """);
        List<Diagnostic> diagnostics = StructureTexts.withCode(StructureTexts.diagnostics(text), "E0407");

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).span().column()).isEqualTo(StructureTexts.position(text, "pte leaf 4K;")[1]);
    }
}
