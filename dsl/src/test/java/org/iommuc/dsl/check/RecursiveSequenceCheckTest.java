package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.diagnostics;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** E0507: sequences that call themselves, directly or through others, are found once per cycle. */
class RecursiveSequenceCheckTest {

    @Test
    void aDirectSelfCallIsReportedAtTheCall() {
        String text = iommu("", "sequence again { write BASE = 0; call again; }");

        Diagnostic d = only(text);

        assertAt(d, Code.E0507, text, "call again;");
        assertThat(d.message()).isEqualTo("sequence 'again' calls itself");
    }

    @Test
    void aCycleThroughOthersIsReportedOnceAtTheCallThatClosesIt() {
        String text = iommu("", """
                sequence a { call b; }
                sequence b { call c; }
                sequence c { write BASE = 0; call a; }
                sequence d { call a; }
                """);

        Diagnostic d = only(text);

        assertAt(d, Code.E0507, text, "call a; }\n");
        assertThat(d.message()).isEqualTo("sequence 'a' calls itself through a -> b -> c -> a");
        assertThat(d.notes()).hasSize(1);
        assertThat(d.notes().get(0).message()).isEqualTo("'a' is defined here");
    }

    @Test
    void aCallInsideAnIfOrAPollElseBlockCounts() {
        String text = iommu("STATUS 0x04 rc { DONE 0; }", """
                sequence a { if BASE == 0 { call b; } }
                sequence b { poll STATUS.DONE == 1 every 1us timeout 1ms else { call a; } }
                """);

        List<Diagnostic> found = diagnostics(text, Code.E0507);

        assertThat(found).hasSize(1);
        assertAt(found.get(0), Code.E0507, text, "call a;");
    }

    @Test
    void twoSeparateCyclesAreEachReported() {
        String text = iommu("", """
                sequence a { call b; }
                sequence b { call a; }
                sequence c { call c; }
                """);

        List<Diagnostic> found = diagnostics(text, Code.E0507);

        assertThat(found).extracting(Diagnostic::message).containsExactly(
                "sequence 'a' calls itself through a -> b -> a", "sequence 'c' calls itself");
    }

    @Test
    void sharedCalleesWithoutACycleAreFine() {
        assertClean(iommu("", """
                sequence leaf { write BASE = 0; }
                sequence left { call leaf; }
                sequence right { call leaf; }
                sequence top { call left; call right; call leaf; }
                """));
    }
}
