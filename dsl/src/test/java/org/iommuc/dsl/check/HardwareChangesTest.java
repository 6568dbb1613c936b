package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import java.util.stream.Stream;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** W0103 and W0105: what the hardware can change decides whether a poll or an interrupt can succeed. */
class HardwareChangesTest {

    private static final String POLL = "sequence wait { write CMD = 1; poll %s every 10us timeout 1ms; }";

    /** Registers, extra items, the polled condition, and whether the poll can ever see a change. */
    static Stream<Arguments> polls() {
        return Stream.of(
                Arguments.of("a field a rule assigns", "STATUS 0x08 ro { DONE 0; IDLE 1; }",
                        "behaviour { on write CMD { STATUS.DONE = 1; } }", "STATUS.DONE == 1", true),
                Arguments.of("another field than the one assigned", "STATUS 0x08 ro { DONE 0; IDLE 1; }",
                        "behaviour { on write CMD { STATUS.DONE = 1; } }", "STATUS.IDLE == 1", false),
                Arguments.of("the whole register when one field is assigned", "STATUS 0x08 ro { DONE 0; IDLE 1; }",
                        "behaviour { on write CMD { STATUS.DONE = 1; } }", "STATUS != 0", true),
                Arguments.of("a field when the whole register is assigned", "STATUS 0x08 ro { DONE 0; }",
                        "behaviour { on write CMD { STATUS = 1; } }", "STATUS.DONE == 1", true),
                Arguments.of("a field a fault handler assigns", "STATUS 0x08 ro { FAULT 0; }",
                        "fault translation { STATUS.FAULT = 1; abort; }", "STATUS.FAULT == 1", true),
                Arguments.of("a self-clearing register", "STATUS 0x08 sc { BUSY 0; }", "", "STATUS.BUSY == 0", true),
                Arguments.of("a self-clearing field", "STATUS 0x08 rw { BUSY 0 sc; MODE 1; }", "",
                        "STATUS.BUSY == 0", true),
                Arguments.of("a plain field next to a self-clearing one", "STATUS 0x08 rw { BUSY 0 sc; MODE 1; }", "",
                        "STATUS.MODE == 0", false),
                Arguments.of("a read-to-clear register", "STATUS 0x08 rc;", "", "STATUS == 0", true),
                Arguments.of("a register a clears register clears", "RAW 0x08 ro;\nCLEAR 0x0C w1c clears RAW;", "",
                        "RAW == 0", true),
                Arguments.of("a reset value with a reset effect", "STATUS 0x08 ro reset 1;",
                        "behaviour { on write CMD { reset; } }", "STATUS == 1", true),
                Arguments.of("a field reset value with a reset effect", "STATUS 0x08 ro { IDLE 0 reset 1; }",
                        "behaviour { on write CMD { reset; } }", "STATUS.IDLE == 1", true),
                Arguments.of("a reset value without a reset effect", "STATUS 0x08 ro reset 1;", "", "STATUS == 1",
                        false),
                Arguments.of("no reset value with a reset effect", "STATUS 0x08 ro;",
                        "behaviour { on write CMD { reset; } }", "STATUS == 0", false),
                Arguments.of("a computed register over a changing one",
                        "RAW 0x08 ro;\nMASK 0x0C rw;\nSTATUS 0x10 ro = RAW & MASK;",
                        "fault translation { RAW = 1; abort; }", "STATUS != 0", true),
                Arguments.of("a computed register over unchanging ones", "MASK 0x0C rw;\nSTATUS 0x10 ro = MASK & 1;", "",
                        "STATUS != 0", false),
                Arguments.of("one changing register among unchanging ones", "A 0x08 ro;\nB 0x0C sc;", "",
                        "A == 0 && B == 0", true),
                Arguments.of("an assignment inside an if", "STATUS 0x08 ro { DONE 0; }",
                        "behaviour { on write CMD if BASE != 0 { if value == 1 { STATUS.DONE = 1; } } }",
                        "STATUS.DONE == 1", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polls")
    void aPollWarnsOnlyWhenNothingItReadsCanChange(String name, String registers, String items, String condition,
            boolean changes) {
        String text = iommu("CMD 0x04 wo;\n" + registers, items + "\n" + String.format(POLL, condition));

        if (changes) {
            assertClean(text);
        } else {
            Diagnostic d = only(text);
            assertAt(d, Code.W0103, text, condition);
        }
    }

    @Test
    void theWarningNamesWhatThePollReads() {
        String text = iommu("CMD 0x04 wo;\nSTATUS 0x08 ro { IDLE 1; }", String.format(POLL, "STATUS.IDLE == 1"));

        assertThat(only(text).message()).isEqualTo("the hardware never changes STATUS.IDLE: no behaviour rule or "
                + "fault handler assigns it, and it is not sc, rc or w1c; the modelled hardware would make this "
                + "poll time out");
    }

    @Test
    void aPollOfALocalValueWarns() {
        String text = iommu("CMD 0x04 wo;", "sequence wait(x) { poll x == 1 every 10us timeout 1ms; }");

        Diagnostic d = only(text);

        assertAt(d, Code.W0103, text, "x == 1");
        assertThat(d.message()).startsWith("the polled condition reads no register");
    }

    @Test
    void anInterruptOverAChangingStatusIsFine() {
        assertClean(iommu("RAW 0x04 ro { FAULT 0; }\nMASK 0x08 rw;\nSTATUS 0x0C ro = RAW & MASK;",
                "fault translation { RAW.FAULT = 1; abort; }\ninterrupt irq = STATUS != 0;"));
    }

    @Test
    void anInterruptOverUnchangingRegistersWarns() {
        String text = iommu("MASK 0x08 rw;", "interrupt irq = MASK & 1;");

        Diagnostic d = only(text);

        assertAt(d, Code.W0105, text, "MASK & 1;");
        assertThat(d.message()).isEqualTo("interrupt irq reads only MASK, which the hardware never changes (no "
                + "behaviour rule or fault handler assigns it), so it is never raised");
    }

    @Test
    void aConstantInterruptConditionWarnsWhetherZeroOrNot() {
        String never = iommu("", "interrupt irq = 0;");
        String always = iommu("", "interrupt irq = 1 == 1;");

        Diagnostic zero = only(never);
        Diagnostic one = only(always);

        assertAt(zero, Code.W0105, never, "0;");
        assertThat(zero.message()).contains("never raised");
        assertAt(one, Code.W0105, always, "1 == 1");
        assertThat(one.message()).contains("always asserted");
    }
}
