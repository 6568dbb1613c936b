package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a {@code for} loop whose step is 0 (it would run its body forever on one value) or
 * negative (steps are unsigned: it would end after one pass, where a count down was meant).
 */
final class LoopStepCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence s : description.sequences()) {
            BehaviourSupport.forEachStep(s.steps(), step -> {
                if (step instanceof Step.For f && f.by().isPresent()) {
                    OptionalLong by = Exprs.constant(f.by().get());
                    if (by.isPresent() && by.getAsLong() == 0) {
                        diagnostics.error(Code.E0513, f.by().get().span(), "loop over " + f.variable().text()
                                + " steps by 0, so it never reaches its end; step by the size of what each pass covers"
                                + " (as in 'step 4K')");
                    } else if (by.isPresent() && by.getAsLong() < 0) {
                        diagnostics.error(Code.E0513, f.by().get().span(), "loop over " + f.variable().text()
                                + " steps by " + Long.toUnsignedString(by.getAsLong()) + " (a negative step, as"
                                + " steps are unsigned), so it ends after one pass; loops count up, from FIRST to LAST");
                    }
                }
            });
        }
    }
}
