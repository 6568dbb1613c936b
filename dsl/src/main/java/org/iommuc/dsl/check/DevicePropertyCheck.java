package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.DtOption;
import org.iommuc.dsl.model.Text;

/** Reports a device-tree property name that is empty or holds blanks, in an {@code option} or {@code banks} item. */
final class DevicePropertyCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (DtOption o : description.options()) {
            property(o.property(), "option " + o.name().text(), diagnostics);
        }
        description.banks().ifPresent(b -> property(b.property(), "the banks", diagnostics));
    }

    private static void property(Text property, String owner, Diagnostics diagnostics) {
        String value = property.value();
        if (value.isEmpty()) {
            diagnostics.error(Code.E0106, property.span(), "the device-tree property of " + owner
                    + " is empty; name the property, as in \"rockchip,disable-mmu-reset\"");
        } else if (!value.strip().equals(value) || value.chars().anyMatch(Character::isWhitespace)) {
            diagnostics.error(Code.E0106, property.span(), "the device-tree property \"" + value + "\" of " + owner
                    + " holds a blank; device-tree property names have none");
        }
    }
}
