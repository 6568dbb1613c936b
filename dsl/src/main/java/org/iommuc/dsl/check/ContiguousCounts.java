package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Setting;

/**
 * Reports a {@code contiguous} count that is not a power of two of at least 2, or exceeds the
 * entries of its level's table: a large page is written to an aligned run of slots of one
 * table (Exynos: a 64K page in 16 of the 256 LV2 slots, facts 4.2).
 */
final class ContiguousCounts implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            for (EntryKind kind : level.kinds()) {
                if (kind.contiguous().isPresent()) {
                    check(level, kind, kind.contiguous().get(), diagnostics);
                }
            }
        }
    }

    private static void check(Level level, EntryKind kind, Setting<Integer> contiguous, Diagnostics diagnostics) {
        int count = contiguous.value();
        if (count < 2 || !StructureSupport.isPowerOfTwo(count)) {
            diagnostics.error(Code.E0405, contiguous.span(), "contiguous count " + count + " of " + kind.format().text()
                    + " is not a power of two of at least 2" + (count == 1 ? "; drop 'contiguous 1'" : ""));
            return;
        }
        OptionalLong entries = StructureSupport.indexedEntries(level);
        if (entries.isPresent() && count > entries.getAsLong()) {
            diagnostics.error(Code.E0405, contiguous.span(), "contiguous count " + count + " of " + kind.format().text()
                    + " is more than the " + entries.getAsLong() + " entries of a level " + level.name().text() + " table");
        }
    }

    /** True when a kind's contiguous count is valid (or absent), so page sizes can be checked against it. */
    static boolean valid(EntryKind kind) {
        int count = kind.contiguousValue();
        return kind.contiguous().isEmpty() || count >= 2 && StructureSupport.isPowerOfTwo(count);
    }
}
