package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Aperture;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Walk;

/**
 * Reports a missing or out-of-range setting: {@code iova} (1..64 bits) and {@code oa} (1..63
 * bits, tables no wider than {@code oa}), {@code masters} (1..64), the aperture, a walk with a
 * root and a level, at most 64 interrupt lines, and levels whose IOVA block numbers are wider
 * than a model's caches hold.
 */
final class RequiredSettings implements Check {

    /** The most masters a model tells apart (its caches tag entries with 6 bits). */
    static final long MAX_MASTERS = 64;
    /** The most interrupt lines a model has (one bit each of a long). */
    static final int MAX_INTERRUPTS = 64;
    static final int MAX_BLOCK_NUMBER_BITS = 52;

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        OptionalLong iova = bits(description, diagnostics, description.iovaBits(), "iova", "input (IOVA)", 64);
        OptionalLong oa = bits(description, diagnostics, description.oaBits(), "oa", "output", 63);
        description.tableOaBits().ifPresent(t -> tableBits(diagnostics, t, oa));
        description.masters().ifPresent(m -> masters(diagnostics, m));
        description.aperture().ifPresent(a -> aperture(diagnostics, a, iova));
        walk(description, diagnostics);
        interrupts(description, diagnostics);
        iova.ifPresent(bits -> pageNumbers(description, diagnostics, bits));
    }

    private static OptionalLong bits(Description description, Diagnostics diagnostics, Optional<Expr> setting,
            String keyword, String what, int most) {
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
        if (bits < 1 || bits > most) {
            diagnostics.error(Code.E0106, setting.get().span(), "'" + keyword + " " + Long.toUnsignedString(bits)
                    + "' is out of range: an " + what + " address has 1 to " + most + " bits"
                    + (most < 64 ? " (a model returns it in a signed 64-bit long, whose negative values are outcomes)" : ""));
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
        } else if (value.isPresent() && Long.compareUnsigned(value.getAsLong(), MAX_MASTERS) > 0) {
            diagnostics.error(Code.E0106, setting.span(), "'masters " + Long.toUnsignedString(value.getAsLong())
                    + "' is out of range: a model serves 1 to " + MAX_MASTERS + " masters");
        }
    }

    private static void interrupts(Description description, Diagnostics diagnostics) {
        if (description.interrupts().size() > MAX_INTERRUPTS) {
            Interrupt first = description.interrupts().get(MAX_INTERRUPTS);
            diagnostics.error(Code.E0106, first.name().span(), "interrupt " + first.name().text() + " is line "
                    + (MAX_INTERRUPTS + 1) + ": a model has at most " + MAX_INTERRUPTS + " interrupt lines");
        }
    }

    /**
     * A model's caches key an entry by the number of the IOVA block it covers, in at most
     * {@value #MAX_BLOCK_NUMBER_BITS} bits: a level whose entries cover blocks smaller than
     * 4 KiB of a wide IOVA has more.
     */
    private static void pageNumbers(Description description, Diagnostics diagnostics, long iovaBits) {
        for (Level level : description.levels()) {
            if (level.indexBits().isEmpty() || !StructureSupport.validBits(level.indexBits().get())) {
                continue;
            }
            int low = level.indexBits().get().low();
            if (iovaBits - low > MAX_BLOCK_NUMBER_BITS) {
                diagnostics.error(Code.E0106, level.indexBits().get().span(), "level " + level.name().text()
                        + " indexes from IOVA bit " + low + ": with a " + iovaBits + "-bit IOVA its blocks have "
                        + (iovaBits - low) + "-bit numbers, and a model's caches hold at most "
                        + MAX_BLOCK_NUMBER_BITS + " (a narrower 'iova', or entries covering 4 KiB or more)");
            }
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
