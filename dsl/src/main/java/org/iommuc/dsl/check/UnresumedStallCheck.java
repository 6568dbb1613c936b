package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;

/**
 * Warns about a fault handler that stalls the faulting transaction while no behaviour rule ends
 * a stall ({@code fault resume;} or {@code fault abort;}): the master would wait forever.
 */
final class UnresumedStallCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Effect e : BehaviourSupport.ruleEffects(description)) {
            if (e instanceof Effect.FaultDone) {
                return;
            }
        }
        for (Effect e : BehaviourSupport.faultEffects(description)) {
            if (e instanceof Effect.FaultAction a && a.stall()) {
                diagnostics.report(Diagnostic.of(Code.W0102, a.span(), "the faulting transaction stalls, but no "
                        + "behaviour rule ends a stall; add 'fault resume;' or 'fault abort;' to the rule for the "
                        + "register write that does"));
            }
        }
    }
}
