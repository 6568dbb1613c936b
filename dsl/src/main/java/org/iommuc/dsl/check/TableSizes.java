package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Level;

/**
 * Reports a written table size that does not match its level: an indexed level's table holds
 * {@code 2^(index bits)} entries of its formats' width (Rockchip: 1024 x 4 bytes = 4K, facts 1.2;
 * Exynos LV2: 256 x 4 = 1K, facts 4.2); a fixed-index level's table must be whole entries.
 */
final class TableSizes implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            if (level.size().isEmpty()) {
                continue;
            }
            OptionalLong size = Exprs.constant(level.size().get());
            Optional<Integer> bytes = StructureSupport.entryBytes(description, level);
            if (size.isEmpty() || bytes.isEmpty() || bytes.get() == 0) {
                continue;
            }
            if (level.isFixed()) {
                wholeEntries(level, size.getAsLong(), bytes.get(), diagnostics);
            } else {
                indexed(level, size.getAsLong(), bytes.get(), diagnostics);
            }
        }
    }

    private static void indexed(Level level, long size, int bytes, Diagnostics diagnostics) {
        OptionalLong entries = StructureSupport.indexedEntries(level);
        if (entries.isEmpty()) {
            return;
        }
        long expected = entries.getAsLong() * bytes;
        if (size != expected) {
            diagnostics.error(Code.E0403, level.size().get().span(), "the table of level " + level.name().text()
                    + " is " + sizeText(size) + ", but its index bits " + level.indexBits().get() + " select "
                    + entries.getAsLong() + " entries of " + bytes + " bytes (" + sizeText(expected) + "); write 'size "
                    + sizeText(expected) + "' or drop 'size'");
        }
    }

    private static void wholeEntries(Level level, long size, int bytes, Diagnostics diagnostics) {
        if (size == 0 || Long.remainderUnsigned(size, bytes) != 0) {
            diagnostics.error(Code.E0403, level.size().get().span(), "the table of level " + level.name().text()
                    + " is " + sizeText(size) + ", which is not a whole number of its " + bytes + "-byte entries");
        }
    }

    static String sizeText(long bytes) {
        return bytes > 0 ? Exprs.sizeText(bytes) : Long.toUnsignedString(bytes);
    }
}
