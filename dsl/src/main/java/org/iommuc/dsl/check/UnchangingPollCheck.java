package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Warns about a {@code poll} whose condition reads nothing the hardware ever changes (see
 * {@link HardwareChanges}): the modelled hardware would make every such poll time out.
 */
final class UnchangingPollCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        HardwareChanges changes = HardwareChanges.of(description);
        for (Sequence sequence : description.sequences()) {
            BehaviourSupport.forEachStep(sequence.steps(), step -> {
                if (step instanceof Step.Poll p && !changes.anyChanges(p.condition())) {
                    diagnostics.report(Diagnostic.of(Code.W0103, p.condition().span(), message(p)));
                }
            });
        }
    }

    private static String message(Step.Poll poll) {
        List<RegRead> reads = BehaviourSupport.registerReads(poll.condition());
        if (reads.isEmpty()) {
            return "the polled condition reads no register, so it never changes and the poll always times out";
        }
        Set<String> names = new LinkedHashSet<>();
        for (RegRead r : reads) {
            names.add(BehaviourSupport.name(r));
        }
        String them = names.size() == 1 ? "it" : "them";
        return "the hardware never changes " + String.join(", ", new ArrayList<>(names))
                + ": no behaviour rule or fault handler assigns " + them + ", and " + (names.size() == 1 ? "it is"
                : "they are") + " not sc, rc or w1c; the modelled hardware would make this poll time out";
    }
}
