package org.iommuc.dsl.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;

/** Reports two names with the same value in one enumeration, which would make decoding ambiguous. */
final class EnumDuplicates implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (EnumValues.Enumeration e : EnumValues.of(description)) {
            Map<Long, EnumValue> first = new LinkedHashMap<>();
            for (EnumValue v : e.values()) {
                OptionalLong value = Exprs.constant(v.value());
                if (value.isEmpty()) {
                    continue;
                }
                EnumValue earlier = first.putIfAbsent(value.getAsLong(), v);
                if (earlier != null && !earlier.name().text().equals(v.name().text())) {
                    diagnostics.error(Code.E0210, v.value().span(), v.name().text() + " and " + earlier.name().text()
                            + " of " + e.owner() + " have the same value " + StructureSupport.number(value.getAsLong()),
                            new Note(earlier.span(), earlier.name().text() + " is defined here"));
                }
            }
        }
    }
}
