package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Register;

/** Reports a computed register ({@code INT_STATUS 0x20 ro = INT_RAWSTAT & INT_MASK}) that is not read-only. */
final class ComputedRegisters implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            if (r.value().isPresent() && r.access().value() != Access.RO) {
                diagnostics.error(Code.E0209, r.access().span(), "register " + r.name().text()
                        + " is computed from other registers, so it must be 'ro', not '"
                        + r.access().value().keyword() + "'");
            }
        }
    }
}
