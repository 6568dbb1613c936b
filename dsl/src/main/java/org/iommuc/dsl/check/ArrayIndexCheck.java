package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a constant index into a register array that names no element ({@code ARR[9]} of a
 * four-element array), where a rule is triggered, a register assigned, written or read. (At run
 * time such an element reads 0 and ignores writes; written as a constant, it is a mistake.)
 */
final class ArrayIndexCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Rule r : description.rules()) {
            checkRef(description, r.target(), diagnostics);
        }
        for (Effect effect : BehaviourSupport.ruleEffects(description)) {
            if (effect instanceof Effect.Assign a) {
                checkRef(description, a.target(), diagnostics);
            }
        }
        for (Effect effect : BehaviourSupport.faultEffects(description)) {
            if (effect instanceof Effect.Assign a) {
                checkRef(description, a.target(), diagnostics);
            }
        }
        for (Sequence s : description.sequences()) {
            BehaviourSupport.forEachStep(s.steps(), step -> {
                if (step instanceof Step.Write w) {
                    checkRef(description, w.target(), diagnostics);
                }
            });
        }
        for (Expr root : BehaviourSupport.allExpressions(description)) {
            BehaviourSupport.forEachNode(root, node -> {
                if (node instanceof RegRead read && read.index().isPresent()) {
                    check(description, read.register(), read.index().get(), diagnostics);
                }
            });
        }
    }

    private static void checkRef(Description d, RegRef ref, Diagnostics diagnostics) {
        if (ref.index().isPresent()) {
            check(d, ref.register().text(), ref.index().get(), diagnostics);
        }
    }

    private static void check(Description d, String register, Expr index, Diagnostics diagnostics) {
        Optional<Register> r = d.register(register);
        OptionalLong value = Exprs.constant(index);
        if (r.isEmpty() || !r.get().isArray() || value.isEmpty()) {
            return;
        }
        long count = r.get().countValue();
        if (Long.compareUnsigned(value.getAsLong(), count) >= 0) {
            diagnostics.error(Code.E0512, index.span(), "index " + Long.toUnsignedString(value.getAsLong()) + " names no element of "
                    + register + "[" + count + "] (elements 0 to " + (count - 1) + ")");
        }
    }
}
