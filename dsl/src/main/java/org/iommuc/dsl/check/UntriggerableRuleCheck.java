package org.iommuc.dsl.check;

import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;

/**
 * Warns about an {@code on write} rule on a read-only register ({@code ro} or {@code rc}): the
 * driver may not write it (E0500 in sequences), so the rule only runs on a stray write, or never
 * when a write view shares the offset.
 */
final class UntriggerableRuleCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Rule rule : description.rules()) {
            if (rule.trigger() != Direction.WRITE) {
                continue;
            }
            Optional<Register> target = BehaviourSupport.register(description, rule.target());
            if (target.isEmpty()) {
                continue;
            }
            Access access = target.get().access().value();
            if (access == Access.RO || access == Access.RC) {
                Register r = target.get();
                Optional<Register> writeView = description.viewOf(r);
                String message = writeView.map(w -> "rule on writes to " + r.name().text() + ", which is "
                        + access.keyword() + ", never runs: writes to its offset reach its write view "
                        + w.name().text() + "; trigger the rule on " + w.name().text())
                        .orElse("rule on writes to " + r.name().text() + ", which is " + access.keyword()
                                + ": software does not write it, so the rule only runs on a stray write; make the"
                                + " register writable, or trigger the rule on the register the driver writes");
                diagnostics.report(Diagnostic.of(Code.W0107, rule.target().span(), message,
                        new Note(r.name().span(), r.name().text() + " is declared here")));
            }
        }
    }
}
