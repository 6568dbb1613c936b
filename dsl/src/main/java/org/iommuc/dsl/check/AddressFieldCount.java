package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;

/** Reports a format with more than one address field: an entry points at one table or page. */
final class AddressFieldCount implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            if (f.addresses().size() < 2) {
                continue;
            }
            AddressField first = f.addresses().get(0);
            for (AddressField extra : f.addresses().subList(1, f.addresses().size())) {
                diagnostics.error(Code.E0307, extra.name().span(), "format " + f.name().text() + " has a second address field '"
                        + extra.name().text() + "'; an entry holds one address, so put all slices in '" + first.name().text()
                        + "', separated by commas",
                        new Note(first.name().span(), "the first address field is " + first.name().text()));
            }
        }
    }
}
