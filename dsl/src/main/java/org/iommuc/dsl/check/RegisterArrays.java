package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Register;

/**
 * Reports a register array with no elements, a stride smaller than or not a multiple of the
 * element's bytes, or a stride on a register that is not an array.
 */
final class RegisterArrays implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            r.count().ifPresent(count -> {
                OptionalLong value = Exprs.constant(count);
                if (value.isPresent() && value.getAsLong() == 0) {
                    diagnostics.error(Code.E0208, count.span(), "register array " + r.name().text()
                            + " has no elements; an array has at least one");
                }
            });
            stride(r, diagnostics);
        }
    }

    private static void stride(Register r, Diagnostics diagnostics) {
        Optional<Integer> width = StructureSupport.registerWidth(r);
        if (r.stride().isPresent() && r.count().isEmpty()) {
            diagnostics.error(Code.E0208, r.stride().get().span(), "register " + r.name().text()
                    + " has a stride but is not an array; give a count, as in " + r.name().text() + "[4]");
            return;
        }
        if (r.stride().isEmpty() || width.isEmpty()) {
            return;
        }
        OptionalLong stride = Exprs.constant(r.stride().get());
        if (stride.isEmpty()) {
            return;
        }
        long bytes = width.get() / 8;
        long value = stride.getAsLong();
        if (Long.compareUnsigned(value, bytes) < 0) {
            diagnostics.error(Code.E0208, r.stride().get().span(), "stride " + Long.toUnsignedString(value)
                    + " of register array " + r.name().text() + " is smaller than its element (" + bytes
                    + " bytes), so elements overlap");
        } else if (Long.remainderUnsigned(value, bytes) != 0) {
            diagnostics.error(Code.E0208, r.stride().get().span(), "stride " + Long.toUnsignedString(value)
                    + " of register array " + r.name().text() + " is not a multiple of its element's " + bytes
                    + " bytes, so elements are misaligned");
        }
    }
}
