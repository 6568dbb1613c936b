package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Aperture;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Walk;

/**
 * Reports a missing or out-of-range setting: {@code iova} and {@code oa} (1..64 bits, tables no
 * wider than {@code oa}), {@code masters}, the aperture, and a walk with a root and a level.
 */
final class RequiredSettings implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        OptionalLong iova = bits(description, diagnostics, description.iovaBits(), "iova", "input (IOVA)");
        OptionalLong oa = bits(description, diagnostics, description.oaBits(), "oa", "output");
        description.tableOaBits().ifPresent(t -> tableBits(diagnostics, t, oa));
        description.masters().ifPresent(m -> masters(diagnostics, m));
        description.aperture().ifPresent(a -> aperture(diagnostics, a, iova));
        walk(description, diagnostics);
    }

    private static OptionalLong bits(Description description, Diagnostics diagnostics, Optional<Expr> setting,
            String keyword, String what) {
        if (setting.isEmpty()) {
            diagnostics.error(Code.E0106, description.name().span(), "iommu '" + description.nameText()
                    + "' does not say how many " + what + " address bits it has; add '" + keyword + " 32;' (or the width)");
            return OptionalLong.empty();
        }
        OptionalLong value = Exprs.constant(setting.get());
        if (value.isEmpty()) {
            return value;
        }
        long bits = value.getAsLong();
        if (bits < 1 || bits > 64) {
            diagnostics.error(Code.E0106, setting.get().span(), "'" + keyword + " " + Long.toUnsignedString(bits)
                    + "' is out of range: an address has 1 to 64 bits");
            return OptionalLong.empty();
        }
        return value;
    }

    private static void tableBits(Diagnostics diagnostics, Expr setting, OptionalLong oa) {
        OptionalLong value = Exprs.constant(setting);
        if (value.isEmpty() || oa.isEmpty()) {
            return;
        }
        long bits = value.getAsLong();
        if (bits < 1 || bits > oa.getAsLong()) {
            diagnostics.error(Code.E0106, setting.span(), "tables at " + Long.toUnsignedString(bits)
                    + " address bits are out of range: tables need 1 to " + oa.getAsLong() + " bits (the 'oa' width)");
        }
    }

    private static void masters(Diagnostics diagnostics, Expr setting) {
        OptionalLong value = Exprs.constant(setting);
        if (value.isPresent() && value.getAsLong() == 0) {
            diagnostics.error(Code.E0106, setting.span(), "'masters 0': an IOMMU serves at least one master");
        }
    }

    private static void aperture(Diagnostics diagnostics, Aperture aperture, OptionalLong iova) {
        OptionalLong first = Exprs.constant(aperture.first());
        OptionalLong last = Exprs.constant(aperture.last());
        if (first.isEmpty() || last.isEmpty()) {
            return;
        }
        if (Long.compareUnsigned(first.getAsLong(), last.getAsLong()) > 0) {
            diagnostics.error(Code.E0106, aperture.span(), "the aperture starts at "
                    + StructureSupport.hex(first.getAsLong()) + ", after its last address "
                    + StructureSupport.hex(last.getAsLong()));
            return;
        }
        if (iova.isPresent() && !StructureSupport.fits(last.getAsLong(), (int) iova.getAsLong())) {
            diagnostics.error(Code.E0106, aperture.last().span(), "the aperture ends at "
                    + StructureSupport.hex(last.getAsLong()) + ", beyond the " + iova.getAsLong()
                    + "-bit IOVA (last address " + StructureSupport.hex(StructureSupport.maxValue((int) iova.getAsLong()))
                    + ")");
        }
    }

    private static void walk(Description description, Diagnostics diagnostics) {
        if (description.walk().isEmpty()) {
            diagnostics.error(Code.E0106, description.name().span(), "iommu '" + description.nameText()
                    + "' has no walk; add 'walk { root ...; level ... }'");
            return;
        }
        Walk walk = description.walk().get();
        if (walk.root().isEmpty()) {
            diagnostics.error(Code.E0106, walk.span(), "the walk has no root; say where the first table is, as in 'root TABLE_BASE;'");
        }
        if (walk.levels().isEmpty()) {
            diagnostics.error(Code.E0106, walk.span(), "the walk has no level; add one, as in 'level pt index iova 31:12 : pte leaf 4K;'");
        }
    }
}
