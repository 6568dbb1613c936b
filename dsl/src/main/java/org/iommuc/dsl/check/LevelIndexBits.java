package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Level;

/**
 * Reports level index bits that do not split the IOVA cleanly: in walk order, each level must be
 * indexed by the IOVA bits just below the previous level's (no overlap: E0400, no gap: E0401),
 * starting at the top IOVA bit (E0402). Levels with a fixed index take no IOVA bits and are
 * skipped. The rule is the radix walk every driver computes, e.g. Rockchip's
 * {@code rk_iova_dte_index}/{@code rk_iova_pte_index} split 31:22 / 21:12 (facts, section 1.2).
 */
final class LevelIndexBits implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Level> levels = new ArrayList<>();
        for (Level level : StructureSupport.indexedLevels(description)) {
            if (StructureSupport.validBits(level.indexBits().get())) {
                levels.add(level);
            }
        }
        if (levels.isEmpty()) {
            return;
        }
        OptionalLong iova = StructureSupport.value(description.iovaBits());
        if (iova.isPresent() && iova.getAsLong() >= 1 && iova.getAsLong() <= 64) {
            coverage(levels, (int) iova.getAsLong(), diagnostics);
        }
        for (int i = 1; i < levels.size(); i++) {
            consecutive(levels.get(i - 1), levels.get(i), diagnostics);
        }
    }

    private static void coverage(List<Level> levels, int iova, Diagnostics diagnostics) {
        for (Level level : levels) {
            BitRange bits = level.indexBits().get();
            if (bits.high() >= iova) {
                diagnostics.error(Code.E0402, bits.span(), "level " + name(level) + " is indexed by IOVA bit "
                        + bits.high() + ", but the IOVA has " + iova + " bits ('iova " + iova + "')");
            }
        }
        Level first = levels.get(0);
        BitRange bits = first.indexBits().get();
        if (bits.high() < iova - 1) {
            BitRange missing = new BitRange(iova - 1, bits.high() + 1, bits.span());
            diagnostics.error(Code.E0402, bits.span(), "levels do not cover the IOVA: no level is indexed by "
                    + StructureSupport.bitsText(missing) + " of the " + iova + "-bit IOVA; the first level, "
                    + name(first) + ", is indexed by " + bits);
        }
    }

    private static void consecutive(Level previous, Level next, Diagnostics diagnostics) {
        BitRange above = previous.indexBits().get();
        BitRange bits = next.indexBits().get();
        Note note = new Note(previous.name().span(), "level " + name(previous) + " is indexed by " + above);
        if (bits.overlaps(above)) {
            BitRange shared = new BitRange(Math.min(bits.high(), above.high()), Math.max(bits.low(), above.low()),
                    bits.span());
            diagnostics.error(Code.E0400, bits.span(), "level " + name(next) + " is indexed by IOVA " + bits
                    + ", which shares " + StructureSupport.bitsText(shared) + " with level " + name(previous), note);
        } else if (bits.low() > above.high()) {
            diagnostics.error(Code.E0401, bits.span(), "level " + name(next) + " is indexed by IOVA " + bits
                    + ", above level " + name(previous) + " that comes before it; the walk goes from the top IOVA bits down",
                    note);
        } else if (bits.high() < above.low() - 1) {
            BitRange missing = new BitRange(above.low() - 1, bits.high() + 1, bits.span());
            diagnostics.error(Code.E0401, bits.span(), "no level is indexed by IOVA " + StructureSupport.bitsText(missing)
                    + ": level " + name(previous) + " is indexed by " + above + " and level " + name(next) + " by "
                    + bits + "; start " + name(next) + " at bit " + (above.low() - 1), note);
        }
    }

    private static String name(Level level) {
        return level.name().text();
    }
}
