package org.iommuc.dsl.model;


/**
 * The language's run-time arithmetic: unsigned 64-bit and total. Where constant evaluation
 * reports an error ({@link org.iommuc.dsl.model.Exprs}), run time gives a defined result instead,
 * as hardware would: {@code + - *} wrap modulo 2^64, division and remainder by zero give 0,
 * shifts by 64 or more give 0, a bit range beyond bit 63 is cut at 63, and alignment to a
 * value that is not a power of two aligns to the largest power of two below it (0 stays 0).
 * Generated code must compute exactly this.
 */
public final class TotalOps {

    private TotalOps() {}

    public static long unary(UnaryOp op, long value) {
        switch (op) {
            case NOT:
                return value == 0 ? 1 : 0;
            case BIT_NOT:
                return ~value;
            default:
                return -value;
        }
    }

    public static long binary(BinaryOp op, long a, long b) {
        switch (op) {
            case MUL:
                return a * b;
            case DIV:
                return b == 0 ? 0 : Long.divideUnsigned(a, b);
            case MOD:
                return b == 0 ? 0 : Long.remainderUnsigned(a, b);
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            case SHL:
                return Long.compareUnsigned(b, 63) > 0 ? 0 : a << b;
            case SHR:
                return Long.compareUnsigned(b, 63) > 0 ? 0 : a >>> b;
            case AND:
                return a & b;
            case XOR:
                return a ^ b;
            case OR:
                return a | b;
            case LT:
                return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case LE:
                return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case GT:
                return Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case GE:
                return Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case EQ:
                return a == b ? 1 : 0;
            case NE:
                return a != b ? 1 : 0;
            case LOGICAL_AND:
                return a != 0 && b != 0 ? 1 : 0;
            default:
                return a != 0 || b != 0 ? 1 : 0;
        }
    }

    public static long builtin(Builtin.Function function, long[] args) {
        switch (function) {
            case BIT:
                return Long.compareUnsigned(args[1], 63) > 0 ? 0 : (args[0] >>> args[1]) & 1;
            case BITS:
                return bits(args[0], args[1], args[2]);
            case MASK:
                return mask(args[0], args[1]);
            case LOG2:
                return args[0] == 0 ? 0 : 63 - Long.numberOfLeadingZeros(args[0]);
            case MIN:
                return Long.compareUnsigned(args[0], args[1]) <= 0 ? args[0] : args[1];
            case MAX:
                return Long.compareUnsigned(args[0], args[1]) >= 0 ? args[0] : args[1];
            case ALIGN_DOWN:
                return args[0] & -Long.highestOneBit(args[1]);
            case ALL_BANKS:
            case ANY_BANK:
                // the value on one bank; a driver of several banks evaluates the argument on each
                return args[0] != 0 ? 1 : 0;
            default:
                long alignment = Long.highestOneBit(args[1]);
                return alignment == 0 ? args[0] : (args[0] + alignment - 1) & -alignment;
        }
    }

    /** Bits {@code high..low} of {@code value}, shifted down; bits above 63 read as 0. */
    public static long bits(long value, long high, long low) {
        if (Long.compareUnsigned(low, 63) > 0 || Long.compareUnsigned(low, high) > 0) {
            return 0;
        }
        return (value & mask(high, low)) >>> low;
    }

    /** The mask of bits {@code high..low}, cut at bit 63; 0 when low is above high. */
    public static long mask(long high, long low) {
        if (Long.compareUnsigned(low, 63) > 0 || Long.compareUnsigned(low, high) > 0) {
            return 0;
        }
        long top = Math.min(high, 63);
        long width = top - low + 1;
        long ones = width == 64 ? -1L : (1L << width) - 1;
        return ones << low;
    }
}
