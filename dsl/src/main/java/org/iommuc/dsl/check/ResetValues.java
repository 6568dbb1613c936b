package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Register;

/** Reports a reset value too large for its register or field, or a field reset the register's reset contradicts. */
final class ResetValues implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            Optional<Integer> width = StructureSupport.registerWidth(r);
            if (r.reset().isPresent() && width.isPresent()) {
                check(r.reset().get(), width.get(), "register " + r.name().text(), diagnostics);
            }
            for (Field f : r.fields()) {
                if (f.reset().isPresent() && StructureSupport.validBits(f.bits())
                        && check(f.reset().get(), f.bits().width(), "field " + r.name().text() + "." + f.name().text(),
                                diagnostics)) {
                    agree(r, f, diagnostics);
                }
            }
        }
    }

    /** True when the reset value is known and fits. */
    private static boolean check(Expr reset, int width, String owner, Diagnostics diagnostics) {
        OptionalLong value = Exprs.constant(reset);
        if (value.isEmpty()) {
            return false;
        }
        if (!StructureSupport.fits(value.getAsLong(), width)) {
            diagnostics.error(Code.E0207, reset.span(), "reset value " + StructureSupport.number(value.getAsLong())
                    + " does not fit the " + width + "-bit " + owner + " (at most "
                    + StructureSupport.number(StructureSupport.maxValue(width)) + ")");
            return false;
        }
        return true;
    }

    /** A field's reset and the register's reset, when both are written, must say the same about the field's bits. */
    private static void agree(Register r, Field f, Diagnostics diagnostics) {
        OptionalLong register = StructureSupport.value(r.reset());
        OptionalLong field = Exprs.constant(f.reset().get());
        if (register.isEmpty() || field.isEmpty()) {
            return;
        }
        long inRegister = (register.getAsLong() & f.bits().mask()) >>> f.bits().low();
        if (inRegister != field.getAsLong()) {
            diagnostics.error(Code.E0207, f.reset().get().span(), "field " + r.name().text() + "." + f.name().text()
                    + " resets to " + StructureSupport.number(field.getAsLong()) + ", but the register's reset "
                    + StructureSupport.hex(register.getAsLong()) + " holds " + StructureSupport.number(inRegister)
                    + " in its " + StructureSupport.bitsText(f.bits()),
                    new Note(r.reset().get().span(), "the register's reset is given here"));
        }
    }
}
