package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Level;

/**
 * Reports a leaf page size other than what one entry of its level maps ({@code 2^} the level's
 * lowest index bit) times its contiguous count: Exynos LV1 (31:20) maps 1M sections, LV2
 * (19:12) maps 4K pages and 64K pages as 16 entries (facts 4.2).
 */
final class PageSizes implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            if (level.indexBits().isEmpty() || !StructureSupport.validBits(level.indexBits().get())) {
                continue;
            }
            BitRange bits = level.indexBits().get();
            if (bits.low() > 62) {
                continue;
            }
            for (EntryKind kind : level.kinds()) {
                if (kind.leaf() && kind.pageSize().isPresent() && ContiguousCounts.valid(kind)) {
                    check(level, kind, 1L << bits.low(), diagnostics);
                }
            }
        }
    }

    private static void check(Level level, EntryKind kind, long entryMaps, Diagnostics diagnostics) {
        long count = kind.contiguousValue();
        long expected = entryMaps * count;
        if (Long.numberOfLeadingZeros(entryMaps) + Long.numberOfLeadingZeros(count) < 64 || expected <= 0) {
            return;
        }
        long size = kind.pageSizeValue();
        if (size == expected) {
            return;
        }
        String maps = count == 1 ? "one entry of level " + level.name().text() + " (indexed from IOVA bit "
                + level.indexBits().get().low() + ") maps " + text(expected)
                : count + " contiguous entries of level " + level.name().text() + " (each mapping " + text(entryMaps)
                        + ") map " + text(expected);
        diagnostics.error(Code.E0404, kind.pageSize().get().span(), "leaf " + kind.format().text() + " maps "
                + text(size) + " pages, but " + maps);
    }

    private static String text(long bytes) {
        return bytes > 0 ? Exprs.sizeText(bytes) : Long.toUnsignedString(bytes);
    }
}
