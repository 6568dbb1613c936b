package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;

/**
 * Reports a constant expression that cannot be computed (division by zero, 64-bit overflow, a
 * shift of 64 bits or more, alignment to a non power of two), at the innermost failing operation.
 */
final class ConstantArithmeticCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Expr root : BehaviourSupport.allExpressions(description)) {
            visit(root, diagnostics);
        }
    }

    private static void visit(Expr expr, Diagnostics diagnostics) {
        if (!Exprs.isConstant(expr)) {
            for (Expr child : BehaviourSupport.children(expr)) {
                visit(child, diagnostics);
            }
            return;
        }
        if (Exprs.arithmeticError(expr) != null) {
            report(innermost(expr), diagnostics);
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

    private static void report(Expr expr, Diagnostics diagnostics) {
        diagnostics.error(Code.E0504, expr.span(), "this constant expression cannot be computed: "
                + Exprs.arithmeticError(expr));
    }
}
