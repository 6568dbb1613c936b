package org.iommuc.dsl.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.model.TotalOps;

/** How an IOVA splits into level indices and a page offset. */
public final class WalkGeometry {

    private WalkGeometry() {}

    /** The index one level takes from an IOVA: from IOVA bits, or a fixed index. */
    public record LevelIndex(String level, BitRange bits, boolean fixed, long index) {}

    public static List<LevelIndex> split(Description description, long iova) {
        List<LevelIndex> out = new ArrayList<>();
        for (Level level : description.levels()) {
            if (level.isFixed()) {
                out.add(new LevelIndex(level.name().text(), null, true, level.fixedIndex().map(Setting::value).orElse(0L)));
                continue;
            }
            BitRange bits = level.indexBits().orElseThrow();
            out.add(new LevelIndex(level.name().text(), bits, false, TotalOps.bits(iova, bits.high(), bits.low())));
        }
        return out;
    }

    /** Every leaf page size of the walk, smallest first. */
    public static List<Long> pageSizes(Description description) {
        TreeSet<Long> sizes = new TreeSet<>();
        for (Level level : description.levels()) {
            for (EntryKind kind : level.kinds()) {
                if (kind.leaf()) {
                    sizes.add(kind.pageSizeValue());
                }
            }
        }
        return new ArrayList<>(sizes);
    }

    /** Number of entries in a level's table. */
    public static long entries(Level level) {
        if (level.isFixed()) {
            return level.fixedIndex().map(Setting::value).orElse(0L) + 1;
        }
        BitRange bits = level.indexBits().orElseThrow();
        return bits.width() >= 63 ? Long.MAX_VALUE : 1L << bits.width();
    }
}
