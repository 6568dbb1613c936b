package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Register;

/** Every enumeration of a description with the width its values must fit in (for EnumFits and EnumDuplicates). */
final class EnumValues {

    private EnumValues() {}

    /**
     * One enumeration.
     *
     * @param owner "COMMAND.CMD", "pte.perm" or "COMMAND" (a register-level enumeration)
     * @param width bits the values must fit in; 0 when unknown (an invalid width or bit range)
     */
    record Enumeration(String owner, String what, int width, List<EnumValue> values) {}

    static List<Enumeration> of(Description description) {
        List<Enumeration> all = new ArrayList<>();
        for (Register r : description.registers()) {
            String name = r.name().text();
            if (!r.values().isEmpty()) {
                all.add(new Enumeration(name, "register", StructureSupport.registerWidth(r).orElse(0), r.values()));
            }
            for (Field f : r.fields()) {
                if (!f.values().isEmpty()) {
                    all.add(new Enumeration(name + "." + f.name().text(), "field",
                            StructureSupport.validBits(f.bits()) ? f.bits().width() : 0, f.values()));
                }
            }
        }
        for (Format f : description.formats()) {
            for (EntryField e : f.fields()) {
                if (!e.values().isEmpty()) {
                    all.add(new Enumeration(f.name().text() + "." + e.name().text(), "field",
                            StructureSupport.validBits(e.bits()) ? e.bits().width() : 0, e.values()));
                }
            }
        }
        return all;
    }
}
