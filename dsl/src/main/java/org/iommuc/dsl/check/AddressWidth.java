package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Slice;

/** Reports an address field holding address bits at or above the output-address width ({@code oa}). */
final class AddressWidth implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        OptionalLong oa = StructureSupport.value(description.oaBits());
        if (oa.isEmpty() || oa.getAsLong() < 1 || oa.getAsLong() > 64) {
            return;
        }
        int bits = (int) oa.getAsLong();
        for (Format f : description.formats()) {
            for (AddressField a : f.addresses()) {
                Slice highest = highest(a);
                if (highest != null && highest.address().high() >= bits) {
                    diagnostics.error(Code.E0303, highest.span(), f.name().text() + "." + a.name().text()
                            + " holds address bit " + highest.address().high() + ", but the output address has "
                            + bits + " bits ('oa " + bits + "'); address bits go from 0 to " + (bits - 1));
                }
            }
        }
    }

    private static Slice highest(AddressField a) {
        Slice highest = null;
        for (Slice s : a.slices()) {
            if (StructureSupport.validBits(s.address()) && (highest == null || s.address().high() > highest.address().high())) {
                highest = s;
            }
        }
        return highest;
    }
}
