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

    @Override
    public String toString() {
        return high == low ? String.valueOf(high) : high + ":" + low;
    }
}
