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

    /**
     * Folds a binary operation; {@code &&} and {@code ||} with one constant side lose it
     * (expressions have no side effects, so the order does not matter): {@code x || 1} is 1,
     * {@code x && 0} is 0, and {@code x || 0} and {@code x && 1} are {@code x} as a truth value.
     */
    private static Expr binary(Binary b, Map<String, Long> fields) {
        Expr left = substitute(b.left(), fields);
        Expr right = substitute(b.right(), fields);
        if (b.op() == BinaryOp.LOGICAL_AND || b.op() == BinaryOp.LOGICAL_OR) {
            long absorbing = b.op() == BinaryOp.LOGICAL_AND ? 0 : 1;
            for (Expr side : List.of(left, right)) {
                if (constant(side) && (Evaluator.constant(side) != 0 ? 1 : 0) == absorbing) {
                    return new Num(absorbing, Num.Unit.NONE, b.span());
                }
            }
            if (constant(left) && !constant(right)) {
                return truth(right);
            }
            if (constant(right) && !constant(left)) {
                return truth(left);
            }
        }
        return foldIfConstant(new Binary(b.op(), left, right, b.span()));
    }

    /** {@code e} as 0 or 1: itself when it already is one (a comparison, {@code &&}, {@code ||}, {@code !}), else {@code e != 0}. */
    private static Expr truth(Expr e) {
        boolean isTruth = e instanceof Binary b && switch (b.op()) {
            case LT, LE, GT, GE, EQ, NE, LOGICAL_AND, LOGICAL_OR -> true;
            default -> false;
        } || e instanceof Unary u && u.op() == org.iommuc.dsl.model.UnaryOp.NOT;
        return isTruth ? e : new Binary(BinaryOp.NE, e, new Num(0, Num.Unit.NONE, e.span()), e.span());
    }

    private static Expr foldIfConstant(Expr e) {
        return constant(e) ? new Num(Evaluator.constant(e), Num.Unit.NONE, e.span()) : e;
    }
}
