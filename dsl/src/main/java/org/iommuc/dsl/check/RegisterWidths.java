package org.iommuc.dsl.check;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.source.Span;

/** Reports a register width other than 8, 16, 32 or 64 bits (the MMIO access sizes readb..readq). */
final class RegisterWidths implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        Set<Span> reported = new HashSet<>();
        for (Register r : description.registers()) {
            OptionalLong width = Exprs.constant(r.width());
            if (width.isEmpty() || StructureSupport.registerWidth(r).isPresent()) {
                continue;
            }
            Span span = r.width().span();
            boolean blockWidth = span.isNone() || span.start() < r.span().start();
            if (blockWidth && !reported.add(span)) {
                continue;
            }
            String owner = blockWidth ? "of the registers block" : "of register " + r.name().text();
            diagnostics.error(Code.E0204, span.isNone() ? r.name().span() : span, "width "
                    + Long.toUnsignedString(width.getAsLong()) + " " + owner + " is not 8, 16, 32 or 64 bits");
        }
    }
}
