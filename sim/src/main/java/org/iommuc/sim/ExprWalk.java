package org.iommuc.sim;

import java.util.function.Consumer;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Unary;

/** Visits every node of a resolved expression, parents first. */
final class ExprWalk {

    private ExprWalk() {}

    static void forEach(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        if (e instanceof Binary b) {
            forEach(b.left(), visit);
            forEach(b.right(), visit);
        } else if (e instanceof Unary u) {
            forEach(u.operand(), visit);
        } else if (e instanceof Conditional c) {
            forEach(c.condition(), visit);
            forEach(c.then(), visit);
            forEach(c.otherwise(), visit);
        } else if (e instanceof Builtin f) {
            for (Expr a : f.args()) {
                forEach(a, visit);
            }
        } else if (e instanceof Decode dec) {
            forEach(dec.value(), visit);
        } else if (e instanceof Encode enc) {
            for (FieldValue v : enc.values()) {
                forEach(v.value(), visit);
            }
        } else if (e instanceof RegRead r && r.index().isPresent()) {
            forEach(r.index().get(), visit);
        }
    }
}
