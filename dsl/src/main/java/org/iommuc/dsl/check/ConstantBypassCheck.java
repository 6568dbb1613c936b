package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Bypass;
import org.iommuc.dsl.model.Description;

/**
 * Warns about a {@code bypass if} condition that is a constant: every transaction bypasses (no
 * walk ever runs), or none does (the item says nothing).
 */
final class ConstantBypassCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        if (description.bypass().isEmpty()) {
            return;
        }
        Bypass bypass = description.bypass().get();
        OptionalLong value = new ConstantValues().value(bypass.condition());
        if (value.isEmpty()) {
            return;
        }
        String message = value.getAsLong() != 0
                ? "the bypass condition is always true: every transaction passes untranslated and no walk ever runs;"
                        + " to start untranslated, write 'translation bypass;' instead"
                : "the bypass condition is never true: no transaction bypasses, as without the item; drop it, or"
                        + " read the register that selects bypassing";
        diagnostics.report(Diagnostic.of(Code.W0109, bypass.condition().span(), message));
    }
}
