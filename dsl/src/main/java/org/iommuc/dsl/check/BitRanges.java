package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Slice;

/**
 * Reports a bit range written high to low the wrong way round ({@code 4:7}) or naming a bit above
 * 63, in register fields, entry fields, reserved ranges, address slices and level index bits.
 */
final class BitRanges implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            for (Field f : r.fields()) {
                check(f.bits(), diagnostics);
            }
        }
        for (Format f : description.formats()) {
            for (EntryField e : f.fields()) {
                check(e.bits(), diagnostics);
            }
            for (AddressField a : f.addresses()) {
                for (Slice s : a.slices()) {
                    check(s.entry(), diagnostics);
                    check(s.address(), diagnostics);
                }
            }
            for (BitRange reserved : f.reserved()) {
                check(reserved, diagnostics);
            }
        }
        for (Level l : description.levels()) {
            l.indexBits().ifPresent(bits -> check(bits, diagnostics));
        }
    }

    private static void check(BitRange bits, Diagnostics diagnostics) {
        if (bits.high() < bits.low()) {
            diagnostics.error(Code.E0211, bits.span(), "bit range " + bits + " is reversed; write the high bit first, as in "
                    + bits.low() + ":" + bits.high());
        } else if (bits.high() > 63) {
            String shown = bits.high() >= 4096 ? "above 4095" : String.valueOf(bits.high());
            diagnostics.error(Code.E0211, bits.span(), "bit " + shown + " is beyond bit 63; bits are numbered 0 to 63");
        }
    }
}
