package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.ProtRule;

/** Reports a tag constant, default value or permission-encoding value too large for its entry field. */
final class FormatConstants implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            for (EntryField e : f.fields()) {
                e.tag().ifPresent(t -> check(f, e, t, "tag", diagnostics));
                e.defaultValue().ifPresent(d -> check(f, e, d, "default", diagnostics));
            }
            for (ProtRule rule : f.prot()) {
                for (Assignment a : rule.assignments()) {
                    Optional<EntryField> field = f.field(a.field().text());
                    if (field.isPresent()) {
                        check(f, field.get(), a.value(), "permission", diagnostics);
                    }
                }
            }
        }
    }

    private static void check(Format f, EntryField field, Expr expr, String what, Diagnostics diagnostics) {
        OptionalLong value = Exprs.constant(expr);
        if (value.isEmpty() || !StructureSupport.validBits(field.bits())) {
            return;
        }
        int width = field.bits().width();
        if (!StructureSupport.fits(value.getAsLong(), width)) {
            diagnostics.error(Code.E0305, expr.span(), what + " value " + StructureSupport.number(value.getAsLong())
                    + " does not fit the " + width + "-bit field " + f.name().text() + "." + field.name().text()
                    + " (at most " + StructureSupport.number(StructureSupport.maxValue(width)) + ")");
        }
    }
}
