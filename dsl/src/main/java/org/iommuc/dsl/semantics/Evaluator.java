package org.iommuc.dsl.semantics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryFieldRef;
import org.iommuc.dsl.model.EnumRef;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.TotalOps;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;

/**
 * Evaluates resolved expressions of one description against an environment that supplies
 * register values and variables. Arithmetic is {@link TotalOps}'s: evaluation never fails.
 * {@code &&}, {@code ||} and {@code ?:} evaluate only what they need, so a register read on the
 * untaken side does not happen (it matters for read-to-clear registers).
 */
public final class Evaluator {

    /** Where an expression's run-time values come from. */
    public interface Env {
        /** The value of a register (element {@code index} of an array; 0 for a plain register). */
        long register(String name, long index);

        /** The value of a variable: a context variable, a parameter, a local or a shared object. */
        long variable(String name, Var kind);

        /** A field of the entry whose permissions are being checked. */
        default long entryField(String format, String field) {
            return 0;
        }
    }

    private static final Evaluator CONSTANTS = new Evaluator();

    private static final Env NO_ENV = new Env() {
        @Override
        public long register(String name, long index) {
            throw new IllegalArgumentException("a constant expression reads no register");
        }

        @Override
        public long variable(String name, Var kind) {
            throw new IllegalArgumentException("a constant expression reads no variable");
        }
    };

    private final Map<String, Register> registers = new HashMap<>();
    private final Map<String, EntryCodec> codecs = new HashMap<>();

    private Evaluator() {}

    /** The value of a constant expression with run-time (total) arithmetic, where nothing can fail. */
    public static long constant(Expr expr) {
        return CONSTANTS.eval(expr, NO_ENV);
    }

    public Evaluator(Description description) {
        for (Register r : description.registers()) {
            registers.put(r.name().text(), r);
        }
        for (Format f : description.formats()) {
            codecs.put(f.name().text(), EntryCodec.of(f));
        }
    }

    public EntryCodec codec(String format) {
        return codecs.get(format);
    }

    public long eval(Expr expr, Env env) {
        if (expr instanceof Num n) {
            return n.value();
        }
        if (expr instanceof ConstRef c) {
            return c.value();
        }
        if (expr instanceof EnumRef e) {
            return e.value();
        }
        if (expr instanceof VarRef v) {
            return env.variable(v.name(), v.kind());
        }
        if (expr instanceof RegRead r) {
            return registerRead(r, env);
        }
        if (expr instanceof EntryFieldRef f) {
            return env.entryField(f.format(), f.field());
        }
        if (expr instanceof Unary u) {
            return TotalOps.unary(u.op(), eval(u.operand(), env));
        }
        if (expr instanceof Binary b) {
            return binary(b, env);
        }
        if (expr instanceof Conditional c) {
            return eval(c.condition(), env) != 0 ? eval(c.then(), env) : eval(c.otherwise(), env);
        }
        if (expr instanceof Builtin b) {
            long[] args = new long[b.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = eval(b.args().get(i), env);
            }
            return TotalOps.builtin(b.function(), args);
        }
        if (expr instanceof Encode e) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (FieldValue v : e.values()) {
                values.put(v.field(), eval(v.value(), env));
            }
            return codecs.get(e.format()).build(values);
        }
        if (expr instanceof Decode d) {
            EntryCodec codec = codecs.get(d.format());
            long value = eval(d.value(), env);
            return codec.entryField(d.field()).isPresent() ? codec.field(value, d.field()) : codec.address(value);
        }
        throw new IllegalArgumentException("unresolved expression " + expr);
    }

    private long binary(Binary b, Env env) {
        long left = eval(b.left(), env);
        if (b.op() == BinaryOp.LOGICAL_AND && left == 0) {
            return 0;
        }
        if (b.op() == BinaryOp.LOGICAL_OR && left != 0) {
            return 1;
        }
        return TotalOps.binary(b.op(), left, eval(b.right(), env));
    }

    private long registerRead(RegRead r, Env env) {
        long index = r.index().isPresent() ? eval(r.index().get(), env) : 0;
        long value = env.register(r.register(), index);
        if (r.field().isEmpty()) {
            return value;
        }
        Field field = registers.get(r.register()).field(r.field().get()).orElseThrow();
        return (value & field.bits().mask()) >>> field.bits().low();
    }
}
