package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Level;

/**
 * Reports a fixed index outside its level's table, e.g. {@code index 512} in a 4K table of 8-byte
 * entries (Verisilicon uses entry 0 of its PTA, facts 2.2).
 */
final class FixedIndexes implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            if (level.fixedIndex().isEmpty() || level.size().isEmpty()) {
                continue;
            }
            OptionalLong size = Exprs.constant(level.size().get());
            Optional<Integer> bytes = StructureSupport.entryBytes(description, level);
            if (size.isEmpty() || bytes.isEmpty() || bytes.get() == 0 || size.getAsLong() <= 0) {
                continue;
            }
            long entries = size.getAsLong() / bytes.get();
            long index = level.fixedIndex().get().value();
            if (entries > 0 && Long.compareUnsigned(index, entries) >= 0) {
                diagnostics.error(Code.E0410, level.fixedIndex().get().span(), "level " + level.name().text()
                        + " uses entry " + Long.toUnsignedString(index) + ", but its " + TableSizes.sizeText(size.getAsLong())
                        + " table holds " + entries + " entries of " + bytes.get() + " bytes (0 to " + (entries - 1) + ")");
            }
        }
    }
}
