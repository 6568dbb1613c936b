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

    @Test
    void settingsBeyondWhatAModelHoldsAreReported() {
        String wide = "iommu t {\n    iova 64;\n    oa 48;\n    registers {\n" + StructureTexts.REGISTERS + "    }\n"
                + StructureTexts.FORMATS + "    walk {\n        root BASE;\n"
                + "        level dt index iova 63:10 size 4K : dte table;\n"
                + "        level pt index iova 9:0 size 4K : pte leaf 1K;\n    }\n}\n";
        List<Diagnostic> blocks = StructureTexts.withCode(StructureTexts.diagnostics(wide), "E0106");
        assertThat(blocks).extracting(Diagnostic::message).anyMatch(m -> m.contains("level pt indexes from IOVA bit 0: "
                + "with a 64-bit IOVA its blocks have 64-bit numbers, and a model's caches hold at most 52"));

        String caches = StructureTexts.withRegisters("").replace("    walk {", """
                    tlb { caches leaf; capacity 0x1000001; }
                    walk {""");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(caches), "E0106")).singleElement()
                .extracting(Diagnostic::message).asString()
                .startsWith("tlb capacity 16777217 is more than a model keeps (at most 16777216 entries)");
        String fits = caches.replace("0x1000001", "0x1000000");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(fits), "E0106")).isEmpty();

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            lines.append("    interrupt i").append(i).append(" = BASE == ").append(i).append(";\n");
        }
        String interrupts = StructureTexts.withRegisters("").replace("    walk {", lines + "    walk {");
        List<Diagnostic> tooMany = StructureTexts.withCode(StructureTexts.diagnostics(interrupts), "E0106");
        assertThat(tooMany).singleElement().extracting(Diagnostic::message).asString()
                .isEqualTo("interrupt i64 is line 65: a model has at most 64 interrupt lines");
        assertThat(tooMany.get(0).span().line()).isEqualTo(StructureTexts.position(interrupts, "i64 =")[0]);
    }

    @Test
    void aConstantThatCannotBeComputedIsReportedOnceNotAtEachUse() {
        String text = StructureTexts.withRegisters("").replace("    registers {", """
                    const A = 5 - -1;
                    const G = A - 1;
                    const H = G * 2;
                    const R = bits(1, 0, 5);
                    registers {""");
        List<Diagnostic> errors = StructureTexts.withCode(StructureTexts.diagnostics(text), "E0504");
        assertThat(errors).extracting(Diagnostic::message).containsExactly(
                "this constant expression cannot be computed: subtraction goes below zero",
                "this constant expression cannot be computed: bit range 0:5 is reversed: the high bit comes first (5:0)");
        assertThat(errors.get(0).span().line()).isEqualTo(StructureTexts.position(text, "5 - -1")[0]);
    }

    @Test
    void anAddressFaultGuardOnIovaBitsAboveTheWidthIsNotDecided() {
        String text = StructureTexts.withRegisters("        HIGH 0x04 rw;\n").replace("    walk {",
                "    fault address if iova >> 32 == 1 { HIGH = 1; abort; }\n    walk {");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(text), "W0106")).isEmpty();
    }

    @Test
    void deviceTreeOptionsAreNamesOfSequencesOnlyAndDefinedOnce() {
        String ok = StructureTexts.withRegisters("        CMD 0x04 wo;\n").replace("    walk {", """
                    option quirk "vendor,quirk";
                    sequence s { if quirk == 1 { write CMD = 1; } }
                    walk {""");
        assertThat(StructureTexts.diagnostics(ok)).isEmpty();
        String inRule = ok.replace("walk {", "behaviour { on write CMD if quirk == 1 { translation on; } }\nwalk {");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(inRule), "E0111")).singleElement()
                .extracting(Diagnostic::message).asString()
                .isEqualTo("'quirk' is not available in a behaviour rule; it is a device-tree option of the driver,"
                        + " so it exists only in sequences");
        String shadowed = ok.replace("option quirk", "const quirk = 0;\noption quirk");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(shadowed), "E0100")).singleElement()
                .extracting(Diagnostic::message).asString().startsWith("option 'quirk' has the name of a constant");
        String parameter = ok.replace("sequence s {", "sequence s(i) { for i in 0 ..= 3 { write CMD = i; }");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(parameter), "E0100")).singleElement()
                .extracting(Diagnostic::message).asString().startsWith("'i' is already a parameter");
        String twice = ok.replace("option quirk", "option quirk \"vendor,other\";\noption quirk");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(twice), "E0100")).hasSize(1);
    }

    @Test
    void theDriversStateIsANameOfSequencesOnly() {
        String ok = StructureTexts.withRegisters("        CMD 0x04 wo;\n").replace("    walk {", """
                    sequence suspend { if identity_attached == 0 && domain_attached == 1 { write CMD = 1; } }
                    walk {""");
        assertThat(StructureTexts.diagnostics(ok)).isEmpty();
        String inRule = ok.replace("walk {", "behaviour { on write CMD if domain_attached == 1 { translation on; } }\nwalk {");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(inRule), "E0111")).singleElement()
                .extracting(Diagnostic::message).asString().contains("only in sequences");
    }

    @Test
    void aNegativeLoopStepIsReported() {
        String text = StructureTexts.withRegisters("        CMD 0x04 wo;\n").replace("    walk {",
                "    sequence s { for i in 0 ..= 0x10000 step -4K { write CMD = i; } }\n    walk {");
        assertThat(StructureTexts.withCode(StructureTexts.diagnostics(text), "E0513")).singleElement()
                .extracting(Diagnostic::message).asString().contains("a negative step");
    }
}
