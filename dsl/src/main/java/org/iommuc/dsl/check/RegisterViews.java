package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Register;

/**
 * Reports an invalid read/write view: the two registers must share offset and width, one must be
 * read-only ({@code ro}/{@code rc}) and the other write-only ({@code wo}), and neither may be an
 * array. Two views at one offset come from real hardware: Verisilicon 0x380 is written as the
 * exception enable and read as the fault address (facts, section 2.1).
 */
final class RegisterViews implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Register> checked = new ArrayList<>();
        for (Register r : description.registers()) {
            if (r.view().isEmpty()) {
                continue;
            }
            Optional<Register> other = description.register(r.view().get().text());
            boolean namedBothWays = other.isPresent() && other.get().view().map(v -> v.text().equals(r.name().text()))
                    .orElse(false);
            if (other.isPresent() && !(namedBothWays && checked.contains(other.get()))) {
                pair(r, r.view().get(), other.get(), diagnostics);
            }
            checked.add(r);
        }
    }

    private static void pair(Register r, Ident viewName, Register other, Diagnostics diagnostics) {
        Note there = new Note(other.name().span(), other.name().text() + " is defined here");
        String name = r.name().text();
        if (other == r) {
            diagnostics.error(Code.E0206, viewName.span(), "register " + name + " cannot be its own view");
            return;
        }
        if (other.view().isPresent() && !other.view().get().text().equals(name)) {
            diagnostics.error(Code.E0206, viewName.span(), "register " + name + " names " + other.name().text()
                    + " as its view, but " + other.name().text() + " names " + other.view().get().text(), there);
            return;
        }
        if (r.isArray() || other.isArray()) {
            Register array = r.isArray() ? r : other;
            diagnostics.error(Code.E0206, viewName.span(), "register array " + array.name().text()
                    + " cannot be a read/write view", there);
            return;
        }
        if (r.offsetValue() != other.offsetValue() || r.widthValue() != other.widthValue()) {
            diagnostics.error(Code.E0206, viewName.span(), "register " + name + " (" + where(r) + ") and its view "
                    + other.name().text() + " (" + where(other) + ") must have the same offset and width", there);
            return;
        }
        if (!isReadWritePair(r.access().value(), other.access().value())) {
            diagnostics.error(Code.E0206, viewName.span(), "register " + name + " is '" + r.access().value().keyword()
                    + "' and its view " + other.name().text() + " is '" + other.access().value().keyword()
                    + "'; one must be read-only (ro or rc) and the other write-only (wo)", there);
        }
    }

    private static String where(Register r) {
        return StructureSupport.hex(r.offsetValue()) + ", " + r.widthValue() + " bits";
    }

    private static boolean isReadWritePair(Access a, Access b) {
        return isReadOnly(a) && b == Access.WO || isReadOnly(b) && a == Access.WO;
    }

    private static boolean isReadOnly(Access access) {
        return access == Access.RO || access == Access.RC;
    }
}
