package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Slice;

/**
 * Reports address bits between an address field's lowest and highest slice that no slice holds:
 * an entry holds one run of address bits (bits below it are the page or table alignment, bits
 * above it are dropped), so a hole is a typo such as {@code 11:8 -> 39:36} for {@code 35:32}.
 */
final class SliceGaps implements Check {

    /** Address bits {@code high:low} (inclusive) that no slice holds. */
    record Gap(int high, int low) {

        @Override
        public String toString() {
            return high == low ? "bit " + high : "bits " + high + ":" + low;
        }
    }

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            for (AddressField a : f.addresses()) {
                check(f, a, diagnostics);
            }
        }
    }

    private static void check(Format f, AddressField a, Diagnostics diagnostics) {
        List<BitRange> held = new ArrayList<>();
        for (Slice s : a.slices()) {
            if (StructureSupport.validBits(s.address())) {
                held.add(s.address());
            }
        }
        for (Gap gap : gaps(held)) {
            Slice above = sliceStartingAt(a, gap.high() + 1);
            diagnostics.error(Code.E0302, above.span(), "gap in " + f.name().text() + "." + a.name().text()
                    + ": no slice holds address " + gap + "; the slices hold " + held(held)
                    + ", and they must hold one run of address bits");
        }
    }

    /** The runs of bits between the lowest and the highest held bit that no range holds, from low to high. */
    static List<Gap> gaps(List<BitRange> ranges) {
        long held = 0;
        for (BitRange r : ranges) {
            held |= r.mask();
        }
        List<Gap> gaps = new ArrayList<>();
        if (held == 0) {
            return gaps;
        }
        int lowest = Long.numberOfTrailingZeros(held);
        int highest = 63 - Long.numberOfLeadingZeros(held);
        int bit = lowest;
        while (bit <= highest) {
            if ((held >>> bit & 1) != 0) {
                bit++;
                continue;
            }
            int low = bit;
            while ((held >>> bit & 1) == 0) {
                bit++;
            }
            gaps.add(new Gap(bit - 1, low));
        }
        return gaps;
    }

    private static Slice sliceStartingAt(AddressField a, int bit) {
        for (Slice s : a.slices()) {
            if (StructureSupport.validBits(s.address()) && s.address().low() == bit) {
                return s;
            }
        }
        return a.slices().get(0);
    }

    private static String held(List<BitRange> ranges) {
        List<String> parts = new ArrayList<>();
        for (BitRange r : ranges) {
            parts.add(r.toString());
        }
        return String.join(", ", parts);
    }
}
