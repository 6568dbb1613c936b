package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Slice;

/** Reports an address slice whose entry bits and address bits differ in number ({@code 31:12 -> 31:10}). */
final class SliceWidths implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            for (AddressField a : f.addresses()) {
                for (Slice s : a.slices()) {
                    if (StructureSupport.validBits(s.entry()) && StructureSupport.validBits(s.address())
                            && s.entry().width() != s.address().width()) {
                        diagnostics.error(Code.E0304, s.span(), "slice " + s.entry() + " -> " + s.address() + " of "
                                + f.name().text() + "." + a.name().text() + " maps " + s.entry().width()
                                + " entry bits to " + s.address().width() + " address bits; both sides need the same width");
                    }
                }
            }
        }
    }
}
