package org.iommuc.runtime;

/**
 * The description language's run-time arithmetic where Java's operators do not already give it:
 * values are unsigned 64-bit and every operation is total. Generated models call these; where
 * Java agrees ({@code + - * & | ^ ~}, {@code ==}, a shift by a constant below 64) they use the
 * operator itself. The definitions are those of the language reference: division and remainder
 * by 0 give 0, shifts by 64 or more give 0, bit ranges beyond bit 63 are cut at 63, and
 * alignment to a value that is not a power of two aligns to the largest power of two below it.
 */
public final class Ops {

    private Ops() {}

    /** {@code a / b}, unsigned; 0 when {@code b} is 0. */
    public static long div(long a, long b) {
        return b == 0 ? 0 : Long.divideUnsigned(a, b);
    }

    /** {@code a % b}, unsigned; 0 when {@code b} is 0. */
    public static long rem(long a, long b) {
        return b == 0 ? 0 : Long.remainderUnsigned(a, b);
    }

    /** {@code a << n}; 0 when {@code n} is 64 or more. */
    public static long shl(long a, long n) {
        return Long.compareUnsigned(n, 63) > 0 ? 0 : a << n;
    }

    /** {@code a >> n}, logical; 0 when {@code n} is 64 or more. */
    public static long shr(long a, long n) {
        return Long.compareUnsigned(n, 63) > 0 ? 0 : a >>> n;
    }

    /** {@code bit(x, n)}: bit {@code n} of {@code x}, 0 or 1; 0 above bit 63. */
    public static long bit(long x, long n) {
        return Long.compareUnsigned(n, 63) > 0 ? 0 : (x >>> n) & 1;
    }

    /** {@code bits(x, high, low)}: bits {@code high..low} of {@code x}, shifted down. */
    public static long bits(long x, long high, long low) {
        if (Long.compareUnsigned(low, 63) > 0 || Long.compareUnsigned(low, high) > 0) {
            return 0;
        }
        return (x & mask(high, low)) >>> low;
    }

    /** {@code mask(high, low)}: the mask of bits {@code high..low} (GENMASK), cut at bit 63. */
    public static long mask(long high, long low) {
        if (Long.compareUnsigned(low, 63) > 0 || Long.compareUnsigned(low, high) > 0) {
            return 0;
        }
        long width = Math.min(high, 63) - low + 1;
        long ones = width == 64 ? -1L : (1L << width) - 1;
        return ones << low;
    }

    /** {@code log2(x)}: the floor of log2 {@code x} (ilog2); 0 for 0. */
    public static long log2(long x) {
        return x == 0 ? 0 : 63 - Long.numberOfLeadingZeros(x);
    }

    /** The unsigned minimum. */
    public static long min(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** The unsigned maximum. */
    public static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** {@code align_down(x, a)}: {@code x} rounded down to a multiple of the power of two {@code a}. */
    public static long alignDown(long x, long a) {
        return x & -Long.highestOneBit(a);
    }

    /** {@code align_up(x, a)}: {@code x} rounded up to a multiple of the power of two {@code a}. */
    public static long alignUp(long x, long a) {
        long alignment = Long.highestOneBit(a);
        return alignment == 0 ? x : (x + alignment - 1) & -alignment;
    }
}
