package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.VarRef;

/**
 * Reports an expression in a place that needs a constant (a width, an offset, a constant, a poll
 * period, ...) that holds something only known at run time, such as an entry encoding or
 * decoding; the resolver already reports register reads there.
 */
final class NonConstantCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        ConstantValues values = new ConstantValues();
        for (BehaviourSupport.Place place : BehaviourSupport.constantPlaces(description)) {
            if (!values.isConstant(place.expr())) {
                Expr culprit = culprit(place.expr(), values);
                diagnostics.error(Code.E0505, culprit.span(), place.where() + " must be constant, but "
                        + describe(culprit));
            }
        }
    }

    /** The outermost sub-expression that is not constant although all its children are, or a leaf. */
    private static Expr culprit(Expr expr, ConstantValues values) {
        for (Expr child : BehaviourSupport.children(expr)) {
            if (!values.isConstant(child)) {
                return isOpaque(child) ? child : culprit(child, values);
            }
        }
        return expr;
    }

    private static boolean isOpaque(Expr expr) {
        return expr instanceof Encode || expr instanceof Decode;
    }

    private static String describe(Expr expr) {
        String text = BehaviourSupport.shortText(expr, "it");
        if (expr instanceof Encode e) {
            return text + " encodes a " + e.format() + " entry, which is not computed before run time";
        }
        if (expr instanceof Decode d) {
            return text + " decodes a " + d.format() + " entry, which is not computed before run time";
        }
        if (expr instanceof VarRef v) {
            return "'" + v.name() + "' is only known at run time";
        }
        return text + " is only known at run time";
    }
}
