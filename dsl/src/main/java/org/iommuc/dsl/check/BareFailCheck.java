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
            }
            // a poll's or a call's only block is its else block
            boolean elseBlock = step instanceof Step.Poll || step instanceof Step.Call;
            for (List<Step> block : BehaviourSupport.blocksOf(step)) {
                steps(block, handling || elseBlock, diagnostics);
            }
        }
    }
}
