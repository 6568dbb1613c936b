package org.iommuc.dsl.check;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.RegRead;

/**
 * Warns about an interrupt whose condition is constant or reads only registers the hardware never
 * changes (see {@link HardwareChanges}): the line would never be raised by anything the hardware does.
 */
final class UnraisableInterruptCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        HardwareChanges changes = HardwareChanges.of(description);
        for (Interrupt interrupt : description.interrupts()) {
            String name = interrupt.name().text();
            if (Exprs.isConstant(interrupt.condition())) {
                OptionalLong value = Exprs.constant(interrupt.condition());
                String state = value.isPresent() && value.getAsLong() != 0 ? "always asserted" : "never raised";
                diagnostics.report(Diagnostic.of(Code.W0105, interrupt.condition().span(), "interrupt " + name
                        + " has a constant condition, so it is " + state + "; make it read a status register"));
            } else if (!changes.anyChanges(interrupt.condition())) {
                Set<String> names = new LinkedHashSet<>();
                for (RegRead r : BehaviourSupport.registerReads(interrupt.condition())) {
                    names.add(BehaviourSupport.name(r));
                }
                String them = names.size() == 1 ? "it" : "them";
                diagnostics.report(Diagnostic.of(Code.W0105, interrupt.condition().span(), "interrupt " + name
                        + " reads only " + String.join(", ", names) + ", which the hardware never changes (no "
                        + "behaviour rule or fault handler assigns " + them + "), so it is never raised"));
            }
        }
    }
}
