package org.iommuc.dsl.check;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports {@code fail;} without a message outside the {@code else} block of a {@code call} or a
 * {@code poll}: it fails with the error such a block handles, and elsewhere there is none.
 */
final class BareFailCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence s : description.sequences()) {
            steps(s.steps(), false, diagnostics);
        }
    }

    /** {@code handling}: the steps are (inside) the else block of a call or a poll. */
    private static void steps(List<Step> steps, boolean handling, Diagnostics diagnostics) {
        for (Step step : steps) {
            if (step instanceof Step.Fail f && f.message().isEmpty() && !handling) {
                diagnostics.error(Code.E0502, f.span(), "'fail;' without a message fails with the error of the call"
                        + " or poll whose else block it is in, and this one is in none; say why, as in fail \"reset"
                        + " timed out\";");
            } else if (step instanceof Step.If i) {
                steps(i.then(), handling, diagnostics);
                steps(i.otherwise(), handling, diagnostics);
            } else if (step instanceof Step.For f) {
                steps(f.body(), handling, diagnostics);
            } else if (step instanceof Step.ForBanks f) {
                steps(f.body(), handling, diagnostics);
            } else if (step instanceof Step.Poll p && p.otherwise().isPresent()) {
                steps(p.otherwise().get(), true, diagnostics);
            } else if (step instanceof Step.Call c && c.otherwise().isPresent()) {
                steps(c.otherwise().get(), true, diagnostics);
            }
        }
    }
}
