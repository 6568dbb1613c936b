package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.source.Span;

/** Warns about a {@code for} loop whose constant bounds run backwards, so its body never runs. */
final class EmptyLoopCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence s : description.sequences()) {
            BehaviourSupport.forEachStep(s.steps(), step -> {
                if (step instanceof Step.For f) {
                    OptionalLong first = Exprs.constant(f.first());
                    OptionalLong last = Exprs.constant(f.last());
                    if (first.isPresent() && last.isPresent()
                            && Long.compareUnsigned(first.getAsLong(), last.getAsLong()) > 0) {
                        Span range = f.first().span().to(f.last().span());
                        diagnostics.report(Diagnostic.of(Code.W0108, range, "loop over " + f.variable().text()
                                + " from " + Exprs.text(f.first()) + " up to " + Exprs.text(f.last())
                                + " never runs its body: loops count up, and the last value is below the first"));
                    }
                }
            });
        }
    }
}
