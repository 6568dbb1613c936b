package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Register;

/**
 * Reports a register whose offset is not a multiple of its width in bytes: MMIO accessors
 * (readl/writel) need naturally aligned addresses on the buses these IOMMUs sit on.
 */
final class RegisterAlignment implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            Optional<Integer> width = StructureSupport.registerWidth(r);
            OptionalLong offset = Exprs.constant(r.offset());
            if (width.isEmpty() || offset.isEmpty()) {
                continue;
            }
            int bytes = width.get() / 8;
            if (Long.remainderUnsigned(offset.getAsLong(), bytes) != 0) {
                diagnostics.error(Code.E0205, r.offset().span(), "register " + r.name().text() + " at offset "
                        + StructureSupport.hex(offset.getAsLong()) + " is not aligned to its width of " + bytes
                        + " bytes");
            }
        }
    }
}
