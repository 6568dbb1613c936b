package org.iommuc.dsl.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.source.Span;

/**
 * Reports a table alignment that is not a power of two, is smaller than the table, or is finer
 * than the table entries pointing at the table can express (an entry holding address bits from
 * 12 up can only point at 4K-aligned tables: Rockchip DTEs, facts 1.3).
 */
final class TableAlignment implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Level> levels = description.levels();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            boolean valid = written(description, level, diagnostics);
            if (valid && i > 0) {
                pointers(description, levels.get(i - 1), level, diagnostics);
            }
        }
    }

    /** Checks a written alignment; true when the level's alignment is known and valid. */
    private static boolean written(Description description, Level level, Diagnostics diagnostics) {
        OptionalLong size = StructureSupport.tableSize(description, level);
        if (level.align().isEmpty()) {
            return size.isPresent();
        }
        OptionalLong align = Exprs.constant(level.align().get());
        if (align.isEmpty()) {
            return false;
        }
        Span span = level.align().get().span();
        if (!StructureSupport.isPowerOfTwo(align.getAsLong())) {
            diagnostics.error(Code.E0408, span, "alignment " + Long.toUnsignedString(align.getAsLong()) + " of level "
                    + level.name().text() + " tables is not a power of two");
            return false;
        }
        if (size.isPresent() && Long.compareUnsigned(align.getAsLong(), size.getAsLong()) < 0) {
            diagnostics.error(Code.E0408, span, "level " + level.name().text() + " tables are aligned to "
                    + TableSizes.sizeText(align.getAsLong()) + ", less than their size of "
                    + TableSizes.sizeText(size.getAsLong()) + "; align them to at least their size");
            return false;
        }
        return true;
    }

    /** The alignment of a level's tables: as written, else its size. */
    private static OptionalLong alignment(Description description, Level level) {
        if (level.align().isPresent()) {
            return Exprs.constant(level.align().get());
        }
        return StructureSupport.tableSize(description, level);
    }

    private static void pointers(Description description, Level above, Level level, Diagnostics diagnostics) {
        OptionalLong align = alignment(description, level);
        if (align.isEmpty() || align.getAsLong() <= 0) {
            return;
        }
        for (EntryKind kind : above.kinds()) {
            Optional<Format> format = StructureSupport.format(description, kind);
            if (kind.leaf() || format.isEmpty() || format.get().address().isEmpty()) {
                continue;
            }
            AddressField address = format.get().address().get();
            int lowest = address.lowestAddressBit();
            if (lowest > 0 && lowest < 63 && Long.compareUnsigned(align.getAsLong(), 1L << lowest) < 0) {
                Span span = level.align().map(a -> a.span()).orElse(level.name().span());
                diagnostics.error(Code.E0408, span, "level " + level.name().text() + " tables are aligned to "
                        + TableSizes.sizeText(align.getAsLong()) + ", but " + format.get().name().text() + "."
                        + address.name().text() + " holds table addresses from bit " + lowest + " up, so it can only point at "
                        + TableSizes.sizeText(1L << lowest) + "-aligned tables",
                        new Note(kind.span(), "level " + above.name().text() + " points at level " + level.name().text()
                                + " through " + format.get().name().text()));
                return;
            }
        }
    }
}
