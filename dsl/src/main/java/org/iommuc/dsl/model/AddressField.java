package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * The address an entry holds, as slices: {@code page 31:12 -> 31:12, 11:8 -> 35:32}. Address
 * bits below the lowest slice are zero when decoding and dropped when encoding (the page offset),
 * unless the field is {@code unmasked}: then encoding ORs them in, shifted as the lowest slice
 * is, as a driver does that writes {@code pt | 1} or {@code (pa >> 4) | prot} without a mask.
 * Address bits above the highest slice are dropped when encoding, as a driver's u32 cast does.
 */
public record AddressField(Ident name, List<Slice> slices, boolean unmasked, String doc, Span span) {

    public AddressField {
        slices = List.copyOf(slices);
    }

    /** The lowest address bit the slices hold: table or page alignment in log2. */
    public int lowestAddressBit() {
        int low = Integer.MAX_VALUE;
        for (Slice s : slices) {
            low = Math.min(low, s.address().low());
        }
        return low == Integer.MAX_VALUE ? 0 : low;
    }

    /** One past the highest address bit the slices hold. */
    public int addressBits() {
        int high = -1;
        for (Slice s : slices) {
            high = Math.max(high, s.address().high());
        }
        return high + 1;
    }
}
