package org.iommuc.dsl.check;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Slice;

/** Reports two slices of one address field that hold the same address bits. */
final class SliceOverlaps implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            for (AddressField a : f.addresses()) {
                check(f, a, diagnostics);
            }
        }
    }

    private static void check(Format f, AddressField a, Diagnostics diagnostics) {
        List<Slice> slices = a.slices();
        for (int later = 1; later < slices.size(); later++) {
            Slice mine = slices.get(later);
            if (!StructureSupport.validBits(mine.address())) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                Slice other = slices.get(earlier);
                if (StructureSupport.validBits(other.address()) && mine.address().overlaps(other.address())) {
                    diagnostics.error(Code.E0301, mine.span(), "slice " + mine.entry() + " -> " + mine.address() + " of "
                            + f.name().text() + "." + a.name().text() + " holds address "
                            + StructureSupport.bitsText(overlap(mine, other)) + ", which slice " + other.entry() + " -> "
                            + other.address() + " already holds",
                            new Note(other.span(), "the other slice is here"));
                    break;
                }
            }
        }
    }

    private static BitRange overlap(Slice a, Slice b) {
        return new BitRange(Math.min(a.address().high(), b.address().high()),
                Math.max(a.address().low(), b.address().low()), a.address().span());
    }
}
