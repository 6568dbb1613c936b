package org.iommuc.dsl.check;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Register;

/**
 * Reports two parts of one register or entry that claim the same bit: fields of a register; or, in
 * an entry format, fields, the entry bits of address slices and reserved ranges.
 */
final class FieldOverlaps implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            check("register " + r.name().text(), StructureSupport.parts(r), diagnostics);
        }
        for (Format f : description.formats()) {
            check("format " + f.name().text(), StructureSupport.parts(f), diagnostics);
        }
    }

    private static void check(String owner, List<StructureSupport.Part> parts, Diagnostics diagnostics) {
        for (int later = 1; later < parts.size(); later++) {
            StructureSupport.Part mine = parts.get(later);
            if (!StructureSupport.validBits(mine.bits())) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                StructureSupport.Part other = parts.get(earlier);
                if (StructureSupport.validBits(other.bits()) && mine.bits().overlaps(other.bits())) {
                    diagnostics.error(Code.E0201, mine.bits().span(), "in " + owner + ", " + mine.label() + " overlaps "
                            + other.label(), new Note(other.bits().span(), other.note()));
                    break;
                }
            }
        }
    }
}
