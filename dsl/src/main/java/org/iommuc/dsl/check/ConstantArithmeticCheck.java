package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Num;

/**
 * Reports a constant expression that cannot be computed (division by zero, 64-bit overflow, a
 * shift of 64 bits or more, alignment to a non power of two), at the innermost failing operation;
 * and an operation whose constant operand makes it fail whatever the run-time value is
 * ({@code x / 0}, {@code x << 64}, {@code bits(x, 70, 3)}, {@code align_up(x, 3)}).
 */
final class ConstantArithmeticCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Expr root : BehaviourSupport.allExpressions(description)) {
            visit(root, diagnostics);
        }
    }

    private static void visit(Expr expr, Diagnostics diagnostics) {
        if (Exprs.isConstant(expr)) {
            if (Exprs.arithmeticError(expr) != null) {
                Expr failing = innermost(expr);
                report(failing, Exprs.arithmeticError(failing), diagnostics);
            }
            return;
        }
        String always = alwaysFails(expr);
        if (always != null) {
            report(expr, always, diagnostics);
        }
        for (Expr child : BehaviourSupport.children(expr)) {
            visit(child, diagnostics);
        }
    }

    /** The deepest sub-expression that still fails: the operation at fault, not its whole context. */
    private static Expr innermost(Expr failing) {
        for (Expr child : BehaviourSupport.children(failing)) {
            if (Exprs.isConstant(child) && Exprs.arithmeticError(child) != null) {
                return innermost(child);
            }
        }
        return failing;
    }

    /** Why a run-time operation fails for every value because of its constant operands, or null. */
    private static String alwaysFails(Expr expr) {
        if (expr instanceof Binary b) {
            OptionalLong right = Exprs.constant(b.right());
            if (right.isEmpty()) {
                return null;
            }
            if ((b.op() == BinaryOp.DIV || b.op() == BinaryOp.MOD) && right.getAsLong() == 0) {
                return "division by zero";
            }
            if (b.op() == BinaryOp.SHL && Long.compareUnsigned(right.getAsLong(), 63) > 0) {
                return "shift by " + Long.toUnsignedString(right.getAsLong()) + " bits";
            }
            return null;
        }
        if (expr instanceof Builtin b && b.args().size() == b.function().arity()) {
            return builtinFails(b);
        }
        return null;
    }

    private static String builtinFails(Builtin b) {
        switch (b.function()) {
            case BITS:
                return tryBuiltin(Builtin.Function.MASK, b.args().get(1), b.args().get(2));
            case ALIGN_DOWN:
            case ALIGN_UP:
                return tryBuiltin(Builtin.Function.ALIGN_DOWN, Num.of(0), b.args().get(1));
            default:
                return null;
        }
    }

    /** Runs a built-in on two constant arguments; the failure, or null if it works or they are not constant. */
    private static String tryBuiltin(Builtin.Function function, Expr first, Expr second) {
        OptionalLong a = Exprs.constant(first);
        OptionalLong b = Exprs.constant(second);
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        try {
            Exprs.builtin(function, new long[] {a.getAsLong(), b.getAsLong()});
            return null;
        } catch (ArithmeticException e) {
            return e.getMessage();
        }
    }

    private static void report(Expr expr, String error, Diagnostics diagnostics) {
        diagnostics.error(Code.E0504, expr.span(), Exprs.isConstant(expr)
                ? "this constant expression cannot be computed: " + error
                : "this fails whatever the run-time value: " + error);
    }
}
