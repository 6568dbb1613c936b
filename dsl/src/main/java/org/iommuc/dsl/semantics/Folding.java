package org.iommuc.dsl.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.EntryFieldRef;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Unary;

/**
 * Partial evaluation: substitutes known entry fields and folds every subexpression that became
 * constant. What is left reads registers or variables, so {@code iommuc decode} can print a
 * permission that depends on them ({@code !DM_AUT_CTRL[2].bit(2 * master)}) instead of guessing.
 */
public final class Folding {

    private Folding() {}

    public static Expr fold(Expr expr, Map<String, Long> entryFields) {
        Expr folded = substitute(expr, entryFields);
        return constant(folded) ? new Num(Evaluator.constant(folded), Num.Unit.NONE, expr.span()) : folded;
    }

    private static boolean constant(Expr e) {
        return Exprs.isConstant(e);
    }

    private static Expr substitute(Expr e, Map<String, Long> fields) {
        if (e instanceof EntryFieldRef f && fields.containsKey(f.field())) {
            return new Num(fields.get(f.field()), Num.Unit.NONE, f.span());
        }
        if (e instanceof Unary u) {
            return foldIfConstant(new Unary(u.op(), substitute(u.operand(), fields), u.span()));
        }
        if (e instanceof Binary b) {
            return binary(b, fields);
        }
        if (e instanceof Conditional c) {
            Expr condition = substitute(c.condition(), fields);
            if (constant(condition)) {
                return substitute(Evaluator.constant(condition) != 0 ? c.then() : c.otherwise(), fields);
            }
            return new Conditional(condition, substitute(c.then(), fields), substitute(c.otherwise(), fields), c.span());
        }
        if (e instanceof Builtin b) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : b.args()) {
                args.add(substitute(a, fields));
            }
            return foldIfConstant(new Builtin(b.function(), args, b.span()));
        }
        if (e instanceof RegRead r && r.index().isPresent()) {
            return new RegRead(r.register(), r.index().map(i -> substitute(i, fields)), r.field(), r.span());
        }
        return e;
    }

    private static Expr binary(Binary b, Map<String, Long> fields) {
        Expr left = substitute(b.left(), fields);
        Expr right = substitute(b.right(), fields);
        if (b.op() == BinaryOp.LOGICAL_AND && isValue(left, 0)) {
            return left;
        }
        if (b.op() == BinaryOp.LOGICAL_OR && constant(left) && Evaluator.constant(left) != 0) {
            return new Num(1, Num.Unit.NONE, b.span());
        }
        return foldIfConstant(new Binary(b.op(), left, right, b.span()));
    }

    private static boolean isValue(Expr e, long value) {
        return constant(e) && Evaluator.constant(e) == value;
    }

    private static Expr foldIfConstant(Expr e) {
        return constant(e) ? new Num(Evaluator.constant(e), Num.Unit.NONE, e.span()) : e;
    }
}
