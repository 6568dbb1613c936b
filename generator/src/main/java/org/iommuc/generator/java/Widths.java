package org.iommuc.generator.java;

import java.util.OptionalLong;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.UnaryOp;

/**
 * How many low bits an expression's value can have set, as far as its shape tells: a register
 * read has its width, {@code &} the narrower side, a comparison one bit. It lets generated code
 * leave out a mask that could never clear anything.
 */
final class Widths {

    private Widths() {}

    static int bits(Expr e, Description d) {
        if (e instanceof Num n) {
            return 64 - Long.numberOfLeadingZeros(n.value());
        }
        if (e instanceof RegRead r) {
            Register register = d.register(r.register()).orElse(null);
            if (register == null) {
                return 64;
            }
            return r.field().flatMap(register::field).map(f -> f.bits().width()).orElse(register.widthValue());
        }
        if (e instanceof Unary u) {
            return u.op() == UnaryOp.NOT ? 1 : 64;
        }
        if (e instanceof Conditional c) {
            return Math.max(bits(c.then(), d), bits(c.otherwise(), d));
        }
        if (e instanceof Builtin b) {
            return builtin(b, d);
        }
        if (e instanceof Binary b) {
            return binary(b, d);
        }
        return 64;
    }

    private static int binary(Binary b, Description d) {
        if (b.op().isBoolean()) {
            return 1;
        }
        switch (b.op()) {
            case AND:
                return Math.min(bits(b.left(), d), bits(b.right(), d));
            case OR:
            case XOR:
                return Math.max(bits(b.left(), d), bits(b.right(), d));
            case SHR:
                OptionalLong n = ExprCompiler.constant(b.right());
                return n.isPresent() && n.getAsLong() < 64 ? Math.max(0, bits(b.left(), d) - (int) n.getAsLong()) : 64;
            default:
                return 64;
        }
    }

    private static int builtin(Builtin b, Description d) {
        switch (b.function()) {
            case BIT:
                return 1;
            case BITS:
                OptionalLong high = ExprCompiler.constant(b.args().get(1));
                OptionalLong low = ExprCompiler.constant(b.args().get(2));
                return high.isPresent() && low.isPresent() && high.getAsLong() < 64 && low.getAsLong() <= high.getAsLong()
                        ? (int) (high.getAsLong() - low.getAsLong() + 1) : 64;
            case LOG2:
                return 6;
            case ALL_BANKS:
            case ANY_BANK:
                return 1;
            case MIN:
                return Math.min(bits(b.args().get(0), d), bits(b.args().get(1), d));
            case MAX:
                return Math.max(bits(b.args().get(0), d), bits(b.args().get(1), d));
            default:
                return 64;
        }
    }
}
