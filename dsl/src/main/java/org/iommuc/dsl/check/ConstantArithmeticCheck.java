package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;

/**
 * Reports a constant expression that cannot be computed (division by zero, 64-bit overflow, a
 * shift of 64 bits or more, alignment to a non power of two), at the innermost failing operation;
 * and an operation whose constant operand makes it fail whatever the run-time value is
 * ({@code x / 0}, {@code x << 64}, {@code bits(x, 70, 3)}, {@code align_up(x, 3)}).
 */
final class ConstantArithmeticCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        ConstantValues values = new ConstantValues();
        for (Expr root : BehaviourSupport.allExpressions(description)) {
            visit(root, values, diagnostics);
        }
    }

    private static void visit(Expr expr, ConstantValues values, Diagnostics diagnostics) {
        if (values.isConstant(expr)) {
            if (values.error(expr) != null) {
                Expr failing = innermost(expr, values);
                if (!(failing instanceof ConstRef)) {
                    // a constant that cannot be computed is reported at its own definition
                    report(failing, values.error(failing), true, diagnostics);
                }
            }
            return;
        }
        String always = alwaysFails(expr, values);
        if (always != null) {
            report(expr, always, false, diagnostics);
        }
        for (Expr child : BehaviourSupport.children(expr)) {
            visit(child, values, diagnostics);
        }
    }

    /** The deepest sub-expression that still fails: the operation at fault, not its whole context. */
    private static Expr innermost(Expr failing, ConstantValues values) {
        Expr current = failing;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (Expr child : BehaviourSupport.children(current)) {
                if (values.isConstant(child) && values.error(child) != null) {
                    current = child;
                    deeper = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Why a run-time operation fails for every value because of its constant operands, or null. */
    private static String alwaysFails(Expr expr, ConstantValues values) {
        if (expr instanceof Binary b) {
            OptionalLong right = values.value(b.right());
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
            return builtinFails(b, values);
        }
        return null;
    }

    private static String builtinFails(Builtin b, ConstantValues values) {
        switch (b.function()) {
            case BITS:
                return tryBuiltin(Builtin.Function.MASK, values.value(b.args().get(1)), values.value(b.args().get(2)));
            case ALIGN_DOWN:
            case ALIGN_UP:
                return tryBuiltin(Builtin.Function.ALIGN_DOWN, OptionalLong.of(0), values.value(b.args().get(1)));
            default:
                return null;
        }
    }

    /** Runs a built-in on two constant arguments; the failure, or null if it works or they are not constant. */
    private static String tryBuiltin(Builtin.Function function, OptionalLong a, OptionalLong b) {
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

    private static void report(Expr expr, String error, boolean constant, Diagnostics diagnostics) {
        diagnostics.error(Code.E0504, expr.span(), constant
                ? "this constant expression cannot be computed: " + error
                : "this fails whatever the run-time value: " + error);
    }
}
