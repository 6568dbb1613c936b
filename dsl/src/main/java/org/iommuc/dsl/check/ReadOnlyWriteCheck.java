package org.iommuc.dsl.check;

import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a sequence {@code write}, {@code modify} or {@code restore} of a register or field
 * software cannot write: read-only ({@code ro}), read-to-clear ({@code rc}), or computed
 * ({@code = expr}).
 */
final class ReadOnlyWriteCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence sequence : description.sequences()) {
            BehaviourSupport.forEachStep(sequence.steps(), step -> {
                if (step instanceof Step.Write w) {
                    check(description, w, diagnostics);
                } else if (step instanceof Step.Restore r) {
                    restore(description, r, diagnostics);
                }
            });
        }
    }

    private static void check(Description description, Step.Write write, Diagnostics diagnostics) {
        Optional<Register> register = BehaviourSupport.register(description, write.target());
        if (register.isEmpty()) {
            return;
        }
        Register r = register.get();
        String verb = write.modify() ? "modified" : "written";
        if (r.value().isPresent()) {
            diagnostics.error(Code.E0500, write.target().span(), r.name().text() + " is computed (= "
                    + BehaviourSupport.shortText(r.value().get(), "an expression") + ") and cannot be " + verb);
            return;
        }
        Optional<Field> field = BehaviourSupport.field(r, write.target());
        Access access = field.map(r::accessOf).orElse(r.access().value());
        if (!access.writable()) {
            diagnostics.error(Code.E0500, write.target().span(), write.target().text() + " is "
                    + describe(access) + " and cannot be " + verb);
        }
    }

    private static void restore(Description description, Step.Restore restore, Diagnostics diagnostics) {
        for (Ident name : restore.registers()) {
            Optional<Register> register = description.register(name.text());
            if (register.isEmpty()) {
                continue;
            }
            if (register.get().value().isPresent()) {
                diagnostics.error(Code.E0500, name.span(), name.text() + " is computed (= "
                        + BehaviourSupport.shortText(register.get().value().get(), "an expression")
                        + ") and cannot be restored");
            } else if (!register.get().access().value().writable()) {
                diagnostics.error(Code.E0500, name.span(), name.text() + " is "
                        + describe(register.get().access().value()) + " and cannot be restored");
            }
        }
    }

    private static String describe(Access access) {
        return access == Access.RC ? "read-to-clear (rc)" : "read-only (" + access.keyword() + ")";
    }
}
