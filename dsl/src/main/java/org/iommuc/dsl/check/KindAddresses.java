package org.iommuc.dsl.check;

import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;

/** Reports a level kind whose format has no address field, so its entries cannot point at a table or page. */
final class KindAddresses implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            for (EntryKind kind : level.kinds()) {
                Optional<Format> format = StructureSupport.format(description, kind);
                if (format.isPresent() && format.get().addresses().isEmpty()) {
                    String role = kind.leaf() ? "a leaf maps a page" : "a table entry points at the next table";
                    diagnostics.error(Code.E0308, kind.format().span(), "format " + kind.format().text()
                            + " has no address field, but " + role + "; add one, as in 'page 31:12 -> 31:12;'",
                            new Note(format.get().name().span(), kind.format().text() + " is defined here"));
                }
            }
        }
    }
}
