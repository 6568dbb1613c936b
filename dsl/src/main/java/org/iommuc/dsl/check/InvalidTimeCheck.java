package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a poll period, poll timeout or delay that is not a time ({@code 100us}, or a constant
 * defined as one) or is zero.
 */
final class InvalidTimeCheck implements Check {

    /** Deeper than any sensible chain of constants; guards against odd models. */
    private static final int MAX_DEPTH = 64;

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence sequence : description.sequences()) {
            BehaviourSupport.forEachStep(sequence.steps(), step -> {
                if (step instanceof Step.Poll p) {
                    check(description, p.period(), "a poll period", diagnostics);
                    check(description, p.timeout(), "a poll timeout", diagnostics);
                } else if (step instanceof Step.Delay d) {
                    check(description, d.time(), "a delay", diagnostics);
                }
            });
        }
    }

    private static void check(Description description, Expr time, String what, Diagnostics diagnostics) {
        if (!Exprs.isConstant(time) || Exprs.arithmeticError(time) != null) {
            return;
        }
        if (!isTime(description, time, 0)) {
            diagnostics.error(Code.E0508, time.span(), what + " must be a time such as 100us or 1ms, but "
                    + notATime(description, time));
            return;
        }
        OptionalLong value = Exprs.constant(time);
        if (value.isPresent() && value.getAsLong() == 0) {
            diagnostics.error(Code.E0508, time.span(), what + " must be longer than zero");
        }
    }

    /** True for a time literal, a constant defined as a time, and arithmetic that keeps the unit. */
    private static boolean isTime(Description description, Expr expr, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (expr instanceof Num n) {
            return n.unit() == Num.Unit.NANOS;
        }
        if (expr instanceof ConstRef c) {
            Optional<Constant> constant = description.constant(c.name());
            return constant.isPresent() && isTime(description, constant.get().value(), depth + 1);
        }
        if (expr instanceof Binary b) {
            switch (b.op()) {
                case ADD:
                case SUB:
                    return isTime(description, b.left(), depth + 1) && isTime(description, b.right(), depth + 1);
                case MUL:
                    return isTime(description, b.left(), depth + 1) != isTime(description, b.right(), depth + 1);
                case DIV:
                    return isTime(description, b.left(), depth + 1) && !isTime(description, b.right(), depth + 1);
                default:
                    return false;
            }
        }
        if (expr instanceof Conditional c) {
            return isTime(description, c.then(), depth + 1) && isTime(description, c.otherwise(), depth + 1);
        }
        if (expr instanceof Builtin b && (b.function() == Builtin.Function.MIN || b.function() == Builtin.Function.MAX)) {
            return isTime(description, b.args().get(0), depth + 1) && isTime(description, b.args().get(1), depth + 1);
        }
        return false;
    }

    /** Words saying what a non-time is: "this is a size", "constant PAGES has no unit". */
    private static String notATime(Description description, Expr expr) {
        String subject = "this";
        Expr value = expr;
        if (expr instanceof ConstRef c && description.constant(c.name()).isPresent()) {
            subject = "constant " + c.name();
            value = description.constant(c.name()).get().value();
        }
        if (value instanceof Num n && n.unit() == Num.Unit.BYTES) {
            return subject + " is a size";
        }
        if (value instanceof Num) {
            return subject + " is a number without a unit";
        }
        return subject + " is not a time";
    }
}
