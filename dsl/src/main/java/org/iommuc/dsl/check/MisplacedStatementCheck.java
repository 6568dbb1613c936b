package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.Rule;

/**
 * Reports a fault action ({@code stall;}, {@code abort;}, {@code redirect ADDRESS;}) outside a
 * fault handler, and a fault completion ({@code fault resume;}, {@code fault abort;}) outside a
 * behaviour rule.
 */
final class MisplacedStatementCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Rule rule : description.rules()) {
            BehaviourSupport.forEachEffect(rule.effects(), effect -> {
                if (effect instanceof Effect.FaultAction a) {
                    diagnostics.error(Code.E0502, a.span(), a.stall()
                            ? "'stall;' says what a fault handler does with the faulting transaction; "
                                    + "a behaviour rule holds new transactions with 'stall on;'"
                            : "'abort;' says what a fault handler does with the faulting transaction; "
                                    + "a behaviour rule ends a stalled one with 'fault abort;'");
                }
                if (effect instanceof Effect.Redirect r) {
                    diagnostics.error(Code.E0502, r.span(), "'redirect' says where a fault handler sends the "
                            + "faulting transaction; a behaviour rule has no transaction to redirect");
                }
            });
        }
        for (FaultHandler handler : description.faults()) {
            BehaviourSupport.forEachEffect(handler.effects(), effect -> {
                if (effect instanceof Effect.FaultDone f) {
                    String statement = f.resume() ? "'fault resume;'" : "'fault abort;'";
                    diagnostics.error(Code.E0502, f.span(), statement + " ends a stalled transaction from a "
                            + "behaviour rule; a fault handler says 'stall;', 'abort;' or 'redirect ADDRESS;'");
                }
            });
        }
    }
}
