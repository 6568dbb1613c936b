package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.UnaryOp;
import org.iommuc.dsl.model.VarRef;

/**
 * The number of bits a value can need, inferred from what it reads: a register read is as wide
 * as the register, a comparison is one bit, {@code x & y} is as narrow as the narrower side. A
 * constant needs exactly its bit length. Anything whose width is not known (a sequence
 * parameter, a {@code let}, a sum) gives no answer, so callers skip it rather than guess.
 */
final class ValueWidth {

    private final Description description;
    private final Optional<Register> trigger;
    /** The width {@code iova} is taken to have, or empty when it is not known. */
    private final OptionalInt iovaWidth;
    private final ConstantValues constants = new ConstantValues();

    /**
     * @param trigger the register whose access triggered the behaviour rule being checked, which
     *     gives {@code value} its width; empty outside behaviour rules
     */
    ValueWidth(Description description, Optional<Register> trigger) {
        this(description, trigger, true);
    }

    /**
     * @param iovaWithinWidth whether {@code iova} can be taken as {@code iova} bits wide: not in
     *     an address fault's handler, which sees whatever 64-bit IOVA the master sent
     */
    ValueWidth(Description description, Optional<Register> trigger, boolean iovaWithinWidth) {
        this(description, trigger, iovaWithinWidth ? OptionalInt.of(description.iovaBitsValue()) : OptionalInt.empty());
    }

    private ValueWidth(Description description, Optional<Register> trigger, OptionalInt iovaWidth) {
        this.description = description;
        this.trigger = trigger;
        this.iovaWidth = iovaWidth;
    }

    /**
     * Widths where {@code iova} may be any 64-bit value (an address fault's handler), for a value
     * that must fit whatever the IOVA is: a {@code redirect} address.
     */
    static ValueWidth anyIova(Description description) {
        return new ValueWidth(description, Optional.empty(), OptionalInt.of(64));
    }

    /** The bits {@code expr} can need, or empty when that is not known. */
    OptionalInt of(Expr expr) {
        OptionalLong constant = constants.value(expr);
        if (constant.isPresent()) {
            return OptionalInt.of(BehaviourSupport.bitLength(constant.getAsLong()));
        }
        if (constants.isConstant(expr)) {
            return OptionalInt.empty();
        }
        if (expr instanceof RegRead r) {
            return registerRead(r);
        }
        if (expr instanceof VarRef v) {
            return variable(v);
        }
        if (expr instanceof Unary u) {
            return u.op() == UnaryOp.NOT ? OptionalInt.of(1) : OptionalInt.empty();
        }
        if (expr instanceof Binary b) {
            return binary(b);
        }
        if (expr instanceof Decode d) {
            return decode(d);
        }
        if (expr instanceof Encode e) {
            return description.format(e.format()).map(f -> OptionalInt.of(f.widthValue())).orElse(OptionalInt.empty());
        }
        if (expr instanceof Builtin b) {
            return builtin(b);
        }
        return OptionalInt.empty();
    }

    private OptionalInt registerRead(RegRead read) {
        Optional<Register> register = description.register(read.register());
        if (register.isEmpty()) {
            return OptionalInt.empty();
        }
        if (read.field().isPresent()) {
            Optional<Field> field = register.get().field(read.field().get());
            return field.map(f -> sane(f.bits().width())).orElse(OptionalInt.empty());
        }
        return sane(register.get().widthValue());
    }

    private OptionalInt variable(VarRef v) {
        switch (v.kind()) {
            case IOVA:
                return iovaWidth.isPresent() ? sane(iovaWidth.getAsInt()) : OptionalInt.empty();
            case WRITE:
            case READ:
            case OPTION:
            case DOMAIN_ATTACHED:
            case IDENTITY_ATTACHED:
                return OptionalInt.of(1);
            case MASTER:
                return OptionalInt.of(BehaviourSupport.bitLength(Math.max(0, description.mastersValue() - 1)));
            case VALUE:
                return trigger.map(r -> sane(r.widthValue())).orElse(OptionalInt.empty());
            case ENTRY:
                return widestFormat();
            default:
                return OptionalInt.empty();
        }
    }

    private OptionalInt widestFormat() {
        int widest = 0;
        for (Format f : description.formats()) {
            widest = Math.max(widest, f.widthValue());
        }
        return widest == 0 ? OptionalInt.empty() : sane(widest);
    }

    private OptionalInt binary(Binary b) {
        if (b.op().isBoolean()) {
            return OptionalInt.of(1);
        }
        switch (b.op()) {
            case AND:
                return both(of(b.left()), of(b.right()), Math::min);
            case OR:
            case XOR:
                return both(of(b.left()), of(b.right()), Math::max);
            case SHR:
                return shifted(b, -1);
            case SHL:
                return shifted(b, 1);
            default:
                return OptionalInt.empty();
        }
    }

    private interface Combiner {
        int apply(int a, int b);
    }

    private static OptionalInt both(OptionalInt a, OptionalInt b, Combiner combiner) {
        if (a.isEmpty() || b.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(combiner.apply(a.getAsInt(), b.getAsInt()));
    }

    private OptionalInt shifted(Binary b, int direction) {
        OptionalInt width = of(b.left());
        OptionalLong amount = constants.value(b.right());
        if (width.isEmpty() || amount.isEmpty() || Long.compareUnsigned(amount.getAsLong(), 64) > 0) {
            return OptionalInt.empty();
        }
        int result = width.getAsInt() + direction * (int) amount.getAsLong();
        return OptionalInt.of(Math.max(0, Math.min(64, result)));
    }

    private OptionalInt decode(Decode d) {
        Optional<Format> format = description.format(d.format());
        if (format.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<AddressField> address = format.get().address();
        if (address.isPresent() && address.get().name().text().equals(d.field())) {
            return sane(address.get().addressBits());
        }
        Optional<EntryField> field = format.get().field(d.field());
        return field.map(f -> sane(f.bits().width())).orElse(OptionalInt.empty());
    }

    private OptionalInt builtin(Builtin b) {
        if (b.args().size() != b.function().arity()) {
            return OptionalInt.empty();
        }
        switch (b.function()) {
            case BIT:
                return OptionalInt.of(1);
            case BITS:
                return bitsWidth(b);
            case MIN:
                return both(of(b.args().get(0)), of(b.args().get(1)), Math::min);
            case MAX:
                return both(of(b.args().get(0)), of(b.args().get(1)), Math::max);
            case ALIGN_DOWN:
                return of(b.args().get(0));
            case ALL_BANKS:
            case ANY_BANK:
                return OptionalInt.of(1);
            default:
                return OptionalInt.empty();
        }
    }

    private OptionalInt bitsWidth(Builtin b) {
        OptionalLong high = constants.value(b.args().get(1));
        OptionalLong low = constants.value(b.args().get(2));
        if (high.isEmpty() || low.isEmpty() || high.getAsLong() < low.getAsLong() || high.getAsLong() > 63
                || low.getAsLong() < 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (high.getAsLong() - low.getAsLong() + 1));
    }

    /** A width read from the model, or empty when it is not a width (zero, negative, beyond 64). */
    private static OptionalInt sane(int width) {
        return width >= 1 && width <= 64 ? OptionalInt.of(width) : OptionalInt.empty();
    }
}
