package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;

/** Reports an enumerated value too large for its field (or, for a register-level enumeration, its register). */
final class EnumFits implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (EnumValues.Enumeration e : EnumValues.of(description)) {
            if (e.width() == 0) {
                continue;
            }
            for (EnumValue v : e.values()) {
                OptionalLong value = Exprs.constant(v.value());
                if (value.isPresent() && !StructureSupport.fits(value.getAsLong(), e.width())) {
                    diagnostics.error(Code.E0203, v.value().span(), "value " + StructureSupport.number(value.getAsLong())
                            + " of " + v.name().text() + " does not fit the " + e.width() + "-bit " + e.what() + " "
                            + e.owner() + " (at most " + StructureSupport.number(StructureSupport.maxValue(e.width())) + ")");
                }
            }
        }
    }
}
