package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;

/**
 * Warns about a format that encodes permissions ({@code prot}) but never checks them
 * ({@code allow}): the modelled hardware would then allow every access through its entries.
 */
final class UncheckedPermissionCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            if (!f.prot().isEmpty() && f.allows().isEmpty()) {
                diagnostics.report(Diagnostic.of(Code.W0101, f.prot().get(0).span(), "format " + f.name().text()
                        + " encodes permissions but has no 'allow' rule, so every access is allowed; add rules "
                        + "such as 'allow write if writable;'"));
            }
        }
    }
}
