package org.iommuc.dsl.check;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Register;

/** Reports a field, reserved range or address slice with bits beyond the width of its register or entry. */
final class FieldBounds implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            Optional<Integer> width = StructureSupport.registerWidth(r);
            if (width.isPresent()) {
                check("register " + r.name().text(), width.get(), StructureSupport.parts(r), diagnostics);
            }
        }
        for (Format f : description.formats()) {
            check("entry format " + f.name().text(), f.widthValue(), StructureSupport.parts(f), diagnostics);
        }
    }

    private static void check(String owner, int width, List<StructureSupport.Part> parts, Diagnostics diagnostics) {
        for (StructureSupport.Part part : parts) {
            if (StructureSupport.validBits(part.bits()) && part.bits().high() >= width) {
                diagnostics.error(Code.E0202, part.bits().span(), part.label() + " is outside the " + width + "-bit " + owner
                        + " (bits " + (width - 1) + ":0)");
            }
        }
    }
}
