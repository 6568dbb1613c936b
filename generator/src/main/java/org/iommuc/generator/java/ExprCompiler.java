package org.iommuc.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.model.TotalOps;

/**
 * Compiles hardware-side expressions of a description to Java expressions with the language's
 * semantics: unsigned 64-bit values and total arithmetic ({@link TotalOps}). Where Java's own
 * operator agrees it is used directly ({@code + - * & | ^ ~ ==}, shifts by a constant below 64,
 * {@code &&}, {@code ||}, {@code ?:}); otherwise the expression calls
 * {@code org.iommuc.runtime.Ops} or {@code Long.compareUnsigned}. Conditions become Java
 * booleans, values Java longs, and parentheses are written where Java needs them and where a
 * reader would want them.
 */
final class ExprCompiler {

    /** Java operator precedences, loosest to tightest. */
    static final int CONDITIONAL = 3;
    static final int LOGICAL_OR = 4;
    static final int LOGICAL_AND = 5;
    static final int BIT_OR = 6;
    static final int BIT_XOR = 7;
    static final int BIT_AND = 8;
    static final int EQUALITY = 9;
    static final int RELATIONAL = 10;
    static final int SHIFT = 11;
    static final int ADDITIVE = 12;
    static final int MULTIPLICATIVE = 13;
    static final int UNARY = 14;
    static final int PRIMARY = 16;

    /** What a compiled expression is in Java: a boolean, a non-negative int, or a long. */
    enum Kind {
        BOOLEAN,
        INT,
        LONG
    }

    /** A compiled expression: its code, its operator precedence, and its Java kind. */
    record J(CodeBlock code, int precedence, Kind kind, OptionalLong literal) {
        static J of(Kind kind, int precedence, String format, Object... args) {
            return new J(CodeBlock.of(format, args), precedence, kind, OptionalLong.empty());
        }
    }

    /** What an expression's context supplies: its variables, the entry it checks, its registers. */
    interface Context {
        /** The code of a context variable, or empty when the variable does not exist here. */
        Optional<J> variable(Var var);

        /** The Java expression of the entry whose fields a permission rule reads. */
        default String entry() {
            return "entry";
        }

        /** The register a behaviour rule is triggered by ({@code value.FIELD} uses its field names), or null. */
        default Register trigger() {
            return null;
        }

        /** The format whose permission rules these are (its own enumerated values are named first), or null. */
        default Format format() {
            return null;
        }
    }

    private final Description description;
    private final Naming naming;
    private final ModelParts parts;

    ExprCompiler(Description description, Naming naming, ModelParts parts) {
        this.description = description;
        this.naming = naming;
        this.parts = parts;
    }

    /** An expression as a Java long (or int) value. */
    CodeBlock value(Expr e, Context c) {
        return asValue(compile(e, c)).code();
    }

    /** An expression as a Java long value that may be passed where a long is needed. */
    J valueJ(Expr e, Context c) {
        return asValue(compile(e, c));
    }

    /** An expression as a Java condition (non-zero is true). */
    CodeBlock condition(Expr e, Context c) {
        return asBoolean(compile(e, c)).code();
    }

    /** A condition as a J, for combining with other conditions. */
    J conditionJ(Expr e, Context c) {
        return asBoolean(compile(e, c));
    }

    J compile(Expr e, Context c) {
        if (e instanceof Num n) {
            return literal(n.value(), n.unit() == Num.Unit.NANOS);
        }
        if (e instanceof ConstRef r) {
            return member(naming.registersType(), naming.constant(r.name()), Kind.LONG);
        }
        if (e instanceof EnumRef r) {
            Optional<Naming.Member> own = ownValue(c.format(), r);
            if (own.isPresent()) {
                return member(own.get().owner(), own.get().name(), Kind.LONG);
            }
            Optional<Naming.Member> m = naming.enumValue(description, r.owner(), r.name());
            return m.isPresent() ? member(m.get().owner(), m.get().name(), Kind.LONG) : literal(r.value(), false);
        }
        if (e instanceof VarRef v) {
            return c.variable(v.kind()).orElseThrow(() -> new Unsupported(v.span(), "'" + v.name()
                    + "' has no value in generated hardware code"));
        }
        if (e instanceof RegRead r) {
            return register(r, c);
        }
        if (e instanceof EntryFieldRef f) {
            return entryField(f.format(), f.field(), CodeBlock.of("$L", c.entry()));
        }
        if (e instanceof Decode d) {
            return entryField(d.format(), d.field(), asValue(compile(d.value(), c)).code());
        }
        if (e instanceof Encode en) {
            return encode(en, c);
        }
        if (e instanceof Unary u) {
            return unary(u, c);
        }
        if (e instanceof Binary b) {
            return binary(b, c);
        }
        if (e instanceof Conditional cond) {
            return conditional(cond, c);
        }
        if (e instanceof Builtin b) {
            return builtin(b, c);
        }
        throw new Unsupported(e.span(), "this expression was not resolved");
    }

    // ---------------------------------------------------------------------------------------
    // Leaves

    static J literal(long value, boolean decimal) {
        String text = decimal ? Literals.decimal(value) : Literals.number(value);
        return new J(CodeBlock.of("$L", text), PRIMARY, Literals.fitsInt(value) ? Kind.INT : Kind.LONG,
                OptionalLong.of(value));
    }

    private J member(ClassName owner, String name, Kind kind) {
        return new J(parts.ref(owner, name), PRIMARY, kind, OptionalLong.empty());
    }

    /** In a format's permission rules, {@code R} is the format's own value when it has one of that name. */
    private Optional<Naming.Member> ownValue(Format format, EnumRef r) {
        if (format == null) {
            return Optional.empty();
        }
        for (org.iommuc.dsl.model.EntryField f : format.fields()) {
            for (org.iommuc.dsl.model.EnumValue v : f.values()) {
                if (v.name().text().equals(r.name()) && v.valueAsLong() == r.value()) {
                    return naming.enumValue(description, format.name().text() + "." + f.name().text(), r.name());
                }
            }
        }
        return Optional.empty();
    }

    private J register(RegRead r, Context c) {
        Register register = description.register(r.register()).orElseThrow();
        Naming.RegisterNames names = naming.register(r.register());
        J whole = registerValue(register, names, r, c);
        if (r.field().isEmpty()) {
            return whole;
        }
        Naming.FieldNames field = names.fields().get(r.field().get());
        return J.of(Kind.LONG, SHIFT, "($L & $N) >>> $N", paren(whole, BIT_AND).code(), parts.ref(field.mask()),
                parts.ref(field.shift()));
    }

    private J registerValue(Register register, Naming.RegisterNames names, RegRead r, Context c) {
        String computed = parts.computedMethod(register.name().text());
        if (r.index().isEmpty()) {
            return computed != null ? J.of(Kind.LONG, PRIMARY, "$N()", computed) : slotRead(names, 0);
        }
        OptionalLong constantIndex = constant(r.index().get());
        if (constantIndex.isPresent()) {
            if (Long.compareUnsigned(constantIndex.getAsLong(), register.countValue()) >= 0) {
                return literal(0, false);
            }
            return computed != null ? J.of(Kind.LONG, PRIMARY, "$N()", computed)
                    : slotRead(names, (int) constantIndex.getAsLong());
        }
        J index = asValue(compile(r.index().get(), c));
        if (computed != null) {
            return J.of(Kind.LONG, CONDITIONAL, "Long.compareUnsigned($L, $N) < 0 ? $N() : 0", index.code(),
                    parts.ref(names.count()), computed);
        }
        return J.of(Kind.LONG, PRIMARY, "regElement($N, $N,$W$L)", parts.ref(names.slot()), parts.ref(names.count()),
                index.code());
    }

    /** {@code reg(STATUS_SLOT)}, or {@code reg(DM_AUT_CTRL_SLOT + 2)} for an element. */
    J slotRead(Naming.RegisterNames names, int element) {
        if (element == 0) {
            return J.of(Kind.LONG, PRIMARY, "reg($N)", parts.ref(names.slot()));
        }
        return J.of(Kind.LONG, PRIMARY, "reg($N + $L)", parts.ref(names.slot()), element);
    }

    private J entryField(String format, String field, CodeBlock entry) {
        Naming.CodecNames codec = naming.codec(format);
        Naming.EntryFieldNames names = codec.fields().get(field);
        if (names == null) {
            return J.of(Kind.LONG, PRIMARY, "$T.address($L)", codec.type(), entry);
        }
        return J.of(Kind.LONG, PRIMARY, "$T.$N($L)", codec.type(), names.accessor(), entry);
    }

    /** {@code FMT(f = v, address = a)}: the blank entry, each field set, then the address. */
    private J encode(Encode en, Context c) {
        Format format = description.format(en.format()).orElseThrow();
        Naming.CodecNames codec = naming.codec(en.format());
        CodeBlock entry = CodeBlock.of("$T.BLANK", codec.type());
        CodeBlock address = null;
        for (FieldValue v : en.values()) {
            CodeBlock value = asValue(compile(v.value(), c)).code();
            Naming.EntryFieldNames names = codec.fields().get(v.field());
            if (names == null) {
                address = value;
            } else if (names.setter() != null) {
                entry = CodeBlock.of("$T.$N($L, $L)", codec.type(), names.setter(), entry, value);
            }
        }
        if (address != null && format.address().isPresent()) {
            entry = CodeBlock.of("$T.withAddress($L, $L)", codec.type(), entry, address);
        }
        return new J(entry, PRIMARY, Kind.LONG, OptionalLong.empty());
    }

    // ---------------------------------------------------------------------------------------
    // Operators

    private J unary(Unary u, Context c) {
        J operand = compile(u.operand(), c);
        switch (u.op()) {
            case NOT:
                return not(operand);
            case BIT_NOT:
                return J.of(Kind.LONG, UNARY, "~$L", paren(widen(asValue(operand)), UNARY).code());
            default:
                J negated = paren(widen(asValue(operand)), UNARY);
                // -(-x): two minus signs would read as a decrement
                negated = negated.code().toString().startsWith("-") ? parenthesize(negated) : negated;
                return J.of(Kind.LONG, UNARY, "-$L", negated.code());
        }
    }

    /** {@code !x}: a negated comparison where that reads better, {@code x == 0} for a value. */
    static J not(J operand) {
        if (operand.kind() != Kind.BOOLEAN) {
            return J.of(Kind.BOOLEAN, EQUALITY, "$L == 0", paren(operand, ADDITIVE).code());
        }
        return J.of(Kind.BOOLEAN, UNARY, "!$L", paren(operand, UNARY).code());
    }

    private J binary(Binary b, Context c) {
        BinaryOp op = b.op();
        if (op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR) {
            return logical(op, asBoolean(compile(b.left(), c)), asBoolean(compile(b.right(), c)));
        }
        J left = compile(b.left(), c);
        J right = compile(b.right(), c);
        switch (op) {
            case EQ:
            case NE:
                return equality(op, left, right);
            case LT:
            case LE:
            case GT:
            case GE:
                return relational(op, asValue(left), asValue(right));
            case SHL:
            case SHR:
                return shift(op, asValue(left), b.right(), asValue(right));
            case DIV:
            case MOD:
                return division(op, asValue(left), b.right(), asValue(right));
            case AND:
                return bitwise("&", BIT_AND, asValue(left), asValue(right));
            case XOR:
                return bitwise("^", BIT_XOR, asValue(left), asValue(right));
            case OR:
                return bitwise("|", BIT_OR, asValue(left), asValue(right));
            case MUL:
                return arithmetic("*", MULTIPLICATIVE, asValue(left), asValue(right));
            case ADD:
                return arithmetic("+", ADDITIVE, asValue(left), asValue(right));
            default:
                return arithmetic("-", ADDITIVE, asValue(left), asValue(right));
        }
    }

    static J logical(BinaryOp op, J left, J right) {
        if (op == BinaryOp.LOGICAL_AND) {
            return J.of(Kind.BOOLEAN, LOGICAL_AND, "$L$W&& $L", paren(left, LOGICAL_AND).code(),
                    paren(right, LOGICAL_AND + 1).code());
        }
        return J.of(Kind.BOOLEAN, LOGICAL_OR, "$L$W|| $L", orOperand(left).code(), orOperand(right).code());
    }

    /** An operand of {@code ||}: an {@code &&} inside it gets parentheses for the reader. */
    private static J orOperand(J operand) {
        return operand.precedence() == LOGICAL_AND ? parenthesize(operand) : paren(operand, LOGICAL_OR);
    }

    private static J equality(BinaryOp op, J left, J right) {
        String symbol = op == BinaryOp.EQ ? "==" : "!=";
        if (left.kind() == Kind.BOOLEAN && right.kind() == Kind.BOOLEAN) {
            return J.of(Kind.BOOLEAN, EQUALITY, "$L $L $L", paren(left, RELATIONAL).code(), symbol,
                    paren(right, RELATIONAL).code());
        }
        return J.of(Kind.BOOLEAN, EQUALITY, "$L $L $L", paren(asValue(left), ADDITIVE).code(), symbol,
                paren(asValue(right), ADDITIVE).code());
    }

    private static J relational(BinaryOp op, J left, J right) {
        String symbol = switch (op) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            default -> ">=";
        };
        if (left.kind() == Kind.INT && right.kind() == Kind.INT) {
            return J.of(Kind.BOOLEAN, RELATIONAL, "$L $L $L", paren(left, ADDITIVE).code(), symbol,
                    paren(right, ADDITIVE).code());
        }
        return J.of(Kind.BOOLEAN, RELATIONAL, "Long.compareUnsigned($L, $L) $L 0", left.code(), right.code(), symbol);
    }

    private J shift(BinaryOp op, J left, Expr countExpr, J count) {
        OptionalLong n = constant(countExpr);
        String symbol = op == BinaryOp.SHL ? "<<" : ">>>";
        if (n.isPresent() && Long.compareUnsigned(n.getAsLong(), 63) <= 0) {
            return J.of(Kind.LONG, SHIFT, "$L $L $L", paren(widen(left), SHIFT + 1).code(), symbol,
                    paren(count, SHIFT + 1).code());
        }
        return ops(op == BinaryOp.SHL ? "shl" : "shr", left, count);
    }

    private J division(BinaryOp op, J left, Expr divisorExpr, J divisor) {
        OptionalLong d = constant(divisorExpr);
        boolean div = op == BinaryOp.DIV;
        if (d.isPresent() && d.getAsLong() != 0 && Long.bitCount(d.getAsLong()) == 1) {
            long value = d.getAsLong();
            return div ? J.of(Kind.LONG, SHIFT, "$L >>> $L", paren(widen(left), SHIFT + 1).code(),
                    Long.numberOfTrailingZeros(value))
                    : bitwise("&", BIT_AND, widen(left), literal(value - 1, false));
        }
        if (d.isPresent() && d.getAsLong() != 0) {
            return J.of(Kind.LONG, PRIMARY, "Long.$L($L, $L)", div ? "divideUnsigned" : "remainderUnsigned",
                    left.code(), divisor.code());
        }
        return ops(div ? "div" : "rem", left, divisor);
    }

    private static J bitwise(String symbol, int precedence, J left, J right) {
        Kind kind = left.kind() == Kind.INT && right.kind() == Kind.INT ? Kind.INT : Kind.LONG;
        return J.of(kind, precedence, "$L $L $L", bitOperand(left, precedence).code(), symbol,
                bitOperand(right, precedence).code());
    }

    /** An operand of {@code & ^ |}: parenthesized unless it is simple or the same operator. */
    private static J bitOperand(J operand, int precedence) {
        boolean simple = operand.precedence() >= UNARY || operand.precedence() == precedence;
        return simple ? operand : parenthesize(operand);
    }

    private static J arithmetic(String symbol, int precedence, J left, J right) {
        J l = left;
        J r = right;
        if (l.kind() == Kind.INT && r.kind() == Kind.INT) {
            // int arithmetic would overflow at 32 bits: make one side a long
            if (r.literal().isPresent() && l.literal().isEmpty()) {
                r = widen(r);
            } else {
                l = widen(l);
            }
        }
        return J.of(Kind.LONG, precedence, "$L $L $L", paren(l, precedence).code(), symbol,
                paren(r, precedence + 1).code());
    }

    private J conditional(Conditional cond, Context c) {
        J test = asBoolean(compile(cond.condition(), c));
        J then = compile(cond.then(), c);
        J otherwise = compile(cond.otherwise(), c);
        if (then.kind() != Kind.BOOLEAN || otherwise.kind() != Kind.BOOLEAN) {
            then = asValue(then);
            otherwise = asValue(otherwise);
        }
        Kind kind = then.kind() == otherwise.kind() ? then.kind() : Kind.LONG;
        return J.of(kind, CONDITIONAL, "$L ? $L : $L", paren(test, LOGICAL_OR).code(), paren(then, LOGICAL_OR).code(),
                paren(otherwise, LOGICAL_OR).code());
    }

    // ---------------------------------------------------------------------------------------
    // Built-in functions

    private J builtin(Builtin b, Context c) {
        List<Expr> args = b.args();
        switch (b.function()) {
            case BIT:
                return bit(asValue(compile(args.get(0), c)), args.get(1), c);
            case BITS:
                return bits(b, c);
            case MASK:
                return mask(args, c);
            case LOG2:
                return ops("log2", asValue(compile(args.get(0), c)));
            case MIN:
                return ops("min", asValue(compile(args.get(0), c)), asValue(compile(args.get(1), c)));
            case MAX:
                return ops("max", asValue(compile(args.get(0), c)), asValue(compile(args.get(1), c)));
            case ALIGN_DOWN:
                return align(false, args, c);
            case ALL_BANKS:
            case ANY_BANK:
                // one bank: the condition itself
                return asBoolean(compile(args.get(0), c));
            default:
                return align(true, args, c);
        }
    }

    private J bit(J x, Expr nExpr, Context c) {
        OptionalLong n = constant(nExpr);
        if (n.isEmpty() || Long.compareUnsigned(n.getAsLong(), 63) > 0) {
            return ops("bit", x, asValue(compile(nExpr, c)));
        }
        J shifted = n.getAsLong() == 0 ? x : J.of(Kind.LONG, SHIFT, "$L >>> $L", paren(widen(x), SHIFT + 1).code(),
                n.getAsLong());
        return bitwise("&", BIT_AND, shifted, literal(1, false));
    }

    private J bits(Builtin b, Context c) {
        List<Expr> args = b.args();
        OptionalLong high = constant(args.get(1));
        OptionalLong low = constant(args.get(2));
        J x = asValue(compile(args.get(0), c));
        if (high.isEmpty() || low.isEmpty()) {
            return ops("bits", x, asValue(compile(args.get(1), c)), asValue(compile(args.get(2), c)));
        }
        long h = high.getAsLong();
        long l = low.getAsLong();
        if (Long.compareUnsigned(l, 63) > 0 || Long.compareUnsigned(l, h) > 0) {
            return literal(0, false);
        }
        Optional<J> named = triggerField(args.get(0), h, l, x, c);
        if (named.isPresent()) {
            return named.get();
        }
        long ones = TotalOps.mask(h, l) >>> l;
        J shifted = l == 0 ? x : J.of(Kind.LONG, SHIFT, "$L >>> $L", paren(widen(x), SHIFT + 1).code(), l);
        return ones == -1L ? shifted : bitwise("&", BIT_AND, shifted, hexLiteral(ones));
    }

    /** {@code value.FIELD} of a rule: the field's named mask and shift. */
    private Optional<J> triggerField(Expr x, long high, long low, J value, Context c) {
        Register trigger = c.trigger();
        if (trigger == null || !(x instanceof VarRef v) || v.kind() != Var.VALUE) {
            return Optional.empty();
        }
        for (Field f : trigger.fields()) {
            if (f.bits().high() == high && f.bits().low() == low) {
                Naming.FieldNames names = naming.register(trigger.name().text()).fields().get(f.name().text());
                return Optional.of(J.of(Kind.LONG, SHIFT, "($L & $N) >>> $N", value.code(), parts.ref(names.mask()),
                        parts.ref(names.shift())));
            }
        }
        return Optional.empty();
    }

    private J mask(List<Expr> args, Context c) {
        OptionalLong high = constant(args.get(0));
        OptionalLong low = constant(args.get(1));
        if (high.isPresent() && low.isPresent()) {
            return hexLiteral(TotalOps.mask(high.getAsLong(), low.getAsLong()));
        }
        return ops("mask", asValue(compile(args.get(0), c)), asValue(compile(args.get(1), c)));
    }

    private J align(boolean up, List<Expr> args, Context c) {
        J x = asValue(compile(args.get(0), c));
        OptionalLong a = constant(args.get(1));
        if (a.isEmpty() || a.getAsLong() == 0 || Long.bitCount(a.getAsLong()) != 1) {
            return ops(up ? "alignUp" : "alignDown", x, asValue(compile(args.get(1), c)));
        }
        long below = a.getAsLong() - 1;
        J keep = J.of(Kind.LONG, UNARY, "~$L", longHex(below));
        J base = up ? arithmetic("+", ADDITIVE, widen(x), hexLiteral(below)) : x;
        return bitwise("&", BIT_AND, base, keep);
    }

    private static String longHex(long value) {
        String text = Literals.hex(value);
        return text.endsWith("L") ? text : text + "L";
    }

    private static J hexLiteral(long value) {
        return new J(CodeBlock.of("$L", Literals.hex(value)), PRIMARY,
                Literals.fitsInt(value) ? Kind.INT : Kind.LONG, OptionalLong.of(value));
    }

    private J ops(String method, J... args) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.$L(", RuntimeTypes.OPS, method);
        for (int i = 0; i < args.length; i++) {
            code.add(i == 0 ? "$L" : ",$W$L", args[i].code());
        }
        return new J(code.add(")").build(), PRIMARY, Kind.LONG, OptionalLong.empty());
    }

    // ---------------------------------------------------------------------------------------
    // Kinds and parentheses

    /** A condition as a value (0 or 1), or a value as it is. */
    static J asValue(J j) {
        if (j.kind() != Kind.BOOLEAN) {
            return j;
        }
        return J.of(Kind.INT, CONDITIONAL, "$L ? 1 : 0", paren(j, LOGICAL_OR).code());
    }

    /** A value as a condition: non-zero is true. */
    static J asBoolean(J j) {
        if (j.kind() == Kind.BOOLEAN) {
            return j;
        }
        return J.of(Kind.BOOLEAN, EQUALITY, "$L != 0", paren(j, ADDITIVE).code());
    }

    /** The same value as a Java long: an int literal gets its {@code L}, anything else a cast. */
    static J widen(J j) {
        if (j.kind() != Kind.INT) {
            return j;
        }
        if (j.literal().isPresent()) {
            return new J(CodeBlock.of("$L", Literals.longNumber(j.literal().getAsLong())), PRIMARY, Kind.LONG,
                    j.literal());
        }
        return J.of(Kind.LONG, UNARY, "(long) $L", paren(j, UNARY).code());
    }

    static J paren(J j, int needed) {
        return j.precedence() >= needed ? j : parenthesize(j);
    }

    private static J parenthesize(J j) {
        return new J(CodeBlock.of("($L)", j.code()), PRIMARY, j.kind(), j.literal());
    }

    static OptionalLong constant(Expr e) {
        return Exprs.isConstant(e) ? Exprs.constant(e) : OptionalLong.empty();
    }

    /** Something the Java backend cannot express; reported as E0700 at the description's span. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient org.iommuc.dsl.source.Span span;

        Unsupported(org.iommuc.dsl.source.Span span, String message) {
            super(message, null, false, false);
            this.span = span;
        }

        org.iommuc.dsl.source.Span span() {
            return span;
        }
    }
}
