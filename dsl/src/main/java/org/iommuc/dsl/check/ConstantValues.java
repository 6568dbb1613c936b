package org.iommuc.dsl.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.EnumRef;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.Unary;

/**
 * What {@link Exprs#constant}, {@link Exprs#isConstant} and {@link Exprs#arithmeticError} say
 * about every node of some expressions, computed once per node, bottom-up, with the same
 * operations and the same order of evaluation. Checks that ask about each node of a tree use
 * this instead of {@link Exprs}, which evaluates the whole subtree on each call: on a long chain
 * such as {@code a & b & c & ...} that would be quadratic.
 */
final class ConstantValues {

    /** The outcome of evaluating one node: a value, an arithmetic failure, or "not constant". */
    private record Result(boolean constant, long value, String error) {
        static final Result RUNTIME = new Result(false, 0, null);

        static Result of(long value) {
            return new Result(true, value, null);
        }

        static Result failure(String message) {
            return new Result(true, 0, message == null ? "arithmetic error" : message);
        }

        boolean computed() {
            return constant && error == null;
        }
    }

    private final Map<Expr, Result> results = new IdentityHashMap<>();

    /** True when the expression reads nothing at run time (it may still fail to evaluate). */
    boolean isConstant(Expr expr) {
        return result(expr).constant();
    }

    /** The value of a constant expression, or empty if it is not constant or not computable. */
    OptionalLong value(Expr expr) {
        Result r = result(expr);
        return r.computed() ? OptionalLong.of(r.value()) : OptionalLong.empty();
    }

    /** Why a constant expression cannot be computed, or null if it can (or is not constant). */
    String error(Expr expr) {
        return result(expr).error();
    }

    private Result result(Expr expr) {
        Result known = results.get(expr);
        if (known != null) {
            return known;
        }
        Result computed = compute(expr);
        results.put(expr, computed);
        return computed;
    }

    private Result compute(Expr expr) {
        if (expr instanceof Num n) {
            return Result.of(n.value());
        }
        if (expr instanceof ConstRef c) {
            return c.failed() ? Result.failure("constant '" + c.name() + "' cannot be computed") : Result.of(c.value());
        }
        if (expr instanceof EnumRef e) {
            return Result.of(e.value());
        }
        if (expr instanceof Unary u) {
            Result operand = result(u.operand());
            return operand.computed() ? Result.of(Exprs.unary(u.op(), operand.value())) : operand;
        }
        if (expr instanceof Binary b) {
            return binary(b);
        }
        if (expr instanceof Conditional c) {
            Result condition = result(c.condition());
            if (!condition.computed()) {
                return condition;
            }
            return result(condition.value() != 0 ? c.then() : c.otherwise());
        }
        if (expr instanceof Builtin b) {
            return builtin(b);
        }
        return Result.RUNTIME;
    }

    private Result binary(Binary b) {
        Result left = result(b.left());
        if (!left.computed()) {
            return left;
        }
        Result right = result(b.right());
        if (!right.computed()) {
            return right;
        }
        try {
            return Result.of(Exprs.binary(b.op(), left.value(), right.value()));
        } catch (ArithmeticException e) {
            return Result.failure(e.getMessage());
        }
    }

    private Result builtin(Builtin b) {
        List<Expr> args = b.args();
        if (args.size() != b.function().arity()) {
            return Result.failure("'" + b.function().keyword() + "' takes " + b.function().arity() + " arguments");
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            Result arg = result(args.get(i));
            if (!arg.computed()) {
                return arg;
            }
            values[i] = arg.value();
        }
        try {
            return Result.of(Exprs.builtin(b.function(), values));
        } catch (ArithmeticException e) {
            return Result.failure(e.getMessage());
        }
    }
}
