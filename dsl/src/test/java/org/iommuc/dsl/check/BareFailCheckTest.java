package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.compile;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.model.Step;
import org.junit.jupiter.api.Test;

/** {@code fail;} without a message: the error of the call or poll whose else block it is in. */
class BareFailCheckTest {

    private static final String REGISTERS = "STATUS 0x04 ro { IDLE 0; }\nCMD 0x08 wo;";
    private static final String RULES = "behaviour { on write CMD { STATUS.IDLE = 1; } }\n";

    @Test
    void inTheElseBlockOfACallOrAPollItFailsWithThatError() {
        String text = iommu(REGISTERS, RULES + """
                sequence stop { write CMD = 1; poll STATUS.IDLE == 1 every 1us timeout 1ms else { write CMD = 0; fail; } }
                sequence disable {
                    call stop else {
                        if STATUS.IDLE == 0 { write CMD = 2; fail; }
                        call stop else { }
                        fail;
                    }
                }
                """);
        assertClean(text);
        Step.Call call = (Step.Call) compile(text).main().orElseThrow().sequence("disable").orElseThrow().steps().get(0);
        assertThat(call.otherwise().orElseThrow().get(2))
                .isInstanceOfSatisfying(Step.Fail.class, f -> assertThat(f.message()).isEmpty());
    }

    @Test
    void elsewhereItIsE0502() {
        for (String body : new String[] {"fail;", "if STATUS.IDLE == 0 { fail; }", "for i in 0 ..= 3 { fail; }"}) {
            String text = iommu(REGISTERS, RULES + "sequence s { write CMD = 1; " + body + " }");
            assertAt(only(text), Code.E0502, text, "fail;");
        }
    }

    @Test
    void aMessageIsAllowedEverywhere() {
        assertClean(iommu(REGISTERS, RULES + "sequence s { fail \"not supported\"; }"));
    }
}
