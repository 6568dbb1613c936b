package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;

/**
 * Reports a leaf page size other than what one entry of its level maps ({@code 2^} the level's
 * lowest index bit) times its contiguous count: Exynos LV1 (31:20) maps 1M sections, LV2
 * (19:12) maps 4K pages and 64K pages as 16 entries (facts 4.2); or a leaf whose address field
 * starts above its page size's bit (a 1M section must hold address bits from bit 20 or lower).
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
                    if (check(level, kind, 1L << bits.low(), diagnostics)) {
                        StructureSupport.format(description, kind).ifPresent(f -> address(f, kind, diagnostics));
                    }
                }
            }
        }
    }

    /** Checks the page size against the level; true when it matches. */
    private static boolean check(Level level, EntryKind kind, long entryMaps, Diagnostics diagnostics) {
        long count = kind.contiguousValue();
        long expected = entryMaps * count;
        if (Long.numberOfLeadingZeros(entryMaps) + Long.numberOfLeadingZeros(count) < 64 || expected <= 0) {
            return false;
        }
        long size = kind.pageSizeValue();
        if (size == expected) {
            return true;
        }
        String maps = count == 1 ? "one entry of level " + level.name().text() + " (indexed from IOVA bit "
                + level.indexBits().get().low() + ") maps " + text(expected)
                : count + " contiguous entries of level " + level.name().text() + " (each mapping " + text(entryMaps)
                        + ") map " + text(expected);
        diagnostics.error(Code.E0404, kind.pageSize().get().span(), "leaf " + kind.format().text() + " maps "
                + text(size) + " pages, but " + maps);
        return false;
    }

    private static String text(long bytes) {
        return bytes > 0 ? Exprs.sizeText(bytes) : Long.toUnsignedString(bytes);
    }

    /** The leaf's address field must be able to hold the address of every page of its size. */
    private static void address(Format format, EntryKind kind, Diagnostics diagnostics) {
        long size = kind.pageSizeValue();
        if (format.address().isEmpty() || !StructureSupport.isPowerOfTwo(size)) {
            return;
        }
        AddressField address = format.address().get();
        int lowest = address.lowestAddressBit();
        if (lowest < 63 && Long.compareUnsigned(1L << lowest, size) > 0) {
            diagnostics.error(Code.E0404, kind.pageSize().get().span(), "leaf " + kind.format().text() + " maps "
                    + text(size) + " pages, but " + format.name().text() + "." + address.name().text()
                    + " holds page addresses from bit " + lowest + " up, so it can only map " + text(1L << lowest)
                    + "-aligned pages");
        }
    }
}
