package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Names in sequences: suggestions for options and buffers, and locals where a constant is needed. */
class SequenceNamesTest {

    private static final String ITEMS = """
            option reset_disabled "rockchip,disable-mmu-reset";
            buffer protect size 128 align 128;
            """;

    @Test
    void aMisspeltOptionOrBufferGetsASuggestion() {
        String option = iommu("CMD 0x04 wo;", ITEMS + "sequence s { if reset_disabld == 1 { write CMD = 1; } }");
        Diagnostic d = only(option);
        assertAt(d, Code.E0101, option, "reset_disabld");
        assertThat(d.message()).endsWith("did you mean 'reset_disabled'?");

        String buffer = iommu("CMD 0x04 wo;", ITEMS + "sequence s { write CMD = protct; }");
        assertThat(only(buffer).message()).endsWith("did you mean 'protect'?");
    }

    @Test
    void aParameterOrLocalWhereAConstantIsNeededIsNotConstantRatherThanUnknown() {
        for (String step : new String[] {
                "for i in 0 ..= 8 step by { write CMD = i; }",
                "poll CMD == 0 every by timeout 1ms else { }",
                "delay by;",
                "let t = 1; delay t;",
                "delay slow;",
                "for i in 0 ..= 8 step protect { write CMD = i; }",
                "delay domain_attached;"}) {
            String text = iommu("CMD 0x04 rw;", "behaviour { on write CMD { CMD = 0; } }\noption slow \"vendor,slow\";\n"
                    + "buffer protect size 128;\nsequence s(by) { " + step + " }");
            Diagnostic d = only(text);
            assertThat(d.code()).as(step).isEqualTo(Code.E0505);
            assertThat(d.message()).as(step).endsWith("is only known at run time");
        }
    }

    @Test
    void aLoopWithBackwardConstantBoundsIsW0108() {
        String text = iommu("CMD 0x04 rw;", "sequence s { for attempt in 120 ..= 1 { write CMD = attempt; } }");
        Diagnostic d = only(text);
        assertAt(d, Code.W0108, text, "120 ..= 1");
        // one value, and bounds only known at run time, are fine
        BehaviourTesting.assertClean(iommu("CMD 0x04 rw;", """
                sequence s(n) { for a in 1 ..= 1 { write CMD = a; } for b in n ..= 1 { write CMD = b; } }
                """));
    }

    @Test
    void aWriteRuleOnAReadOnlyRegisterIsW0107() {
        String text = iommu("STATUS 0x04 ro { DONE 0; }\nCOUNT 0x08 rc;", """
                behaviour {
                    on write STATUS.DONE == 1 { translation on; }
                    on write COUNT { translation on; }
                    on read STATUS { translation on; }
                }
                """);
        var found = BehaviourTesting.diagnostics(text, Code.W0107);
        assertThat(found).hasSize(2);
        assertAt(found.get(0), Code.W0107, text, "STATUS.DONE == 1");
        assertAt(found.get(1), Code.W0107, text, "COUNT {");
        assertThat(found.get(0).notes()).singleElement()
                .satisfies(n -> assertThat(n.message()).isEqualTo("STATUS is declared here"));
    }

    @Test
    void aWriteRuleOnTheReadViewOfAnOffsetNeverRuns() {
        String text = iommu("STAT 0x08 ro { EN 0; }\nSTAT_W 0x08 wo view STAT { EN 0; }", """
                behaviour { on write STAT.EN == 1 { translation on; } }
                """);
        Diagnostic d = only(text);
        assertAt(d, Code.W0107, text, "STAT.EN == 1");
        assertThat(d.message()).isEqualTo("rule on writes to STAT, which is ro, never runs: writes to its offset"
                + " reach its write view STAT_W; trigger the rule on STAT_W");
    }

    @Test
    void aConstantBypassConditionIsW0109() {
        String always = iommu("", "bypass if 0x1;");
        assertAt(only(always), Code.W0109, always, "0x1;");
        assertThat(only(always).message()).startsWith("the bypass condition is always true");
        String never = iommu("", "const OFF = 0;\nbypass if OFF == 1;");
        assertThat(only(never).message()).startsWith("the bypass condition is never true");
        BehaviourTesting.assertClean(iommu("BYP 0x04 rw;", "bypass if BYP >> master & 1 == 1;"));
    }
}
