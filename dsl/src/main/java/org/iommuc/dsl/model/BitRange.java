package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** Bits {@code high:low} (inclusive, {@code high >= low}) of a register, entry or address. */
public record BitRange(int high, int low, Span span) {

    public int width() {
        return high - low + 1;
    }

    /** The mask of these bits; {@code 0} for a range that is out of a 64-bit word. */
    public long mask() {
        if (low < 0 || high > 63 || high < low) {
            return 0;
        }
        long ones = width() == 64 ? -1L : (1L << width()) - 1;
        return ones << low;
    }

    public boolean overlaps(BitRange other) {
        return low <= other.high && other.low <= high;
    }

    public boolean contains(int bit) {
        return bit >= low && bit <= high;
    }

    /** The set bits of a mask as ranges, highest first: {@code "11:9"}, {@code "3, 1:0"}. */
    public static String ranges(long mask) {
        StringBuilder out = new StringBuilder();
        int bit = 63;
        while (bit >= 0) {
            if ((mask >>> bit & 1) == 0) {
                bit--;
                continue;
            }
            int high = bit;
            while (bit >= 0 && (mask >>> bit & 1) != 0) {
                bit--;
            }
            int low = bit + 1;
            out.append(out.length() == 0 ? "" : ", ").append(high == low ? String.valueOf(high) : high + ":" + low);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return high == low ? String.valueOf(high) : high + ":" + low;
    }
}
