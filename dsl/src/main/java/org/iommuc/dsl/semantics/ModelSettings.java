package org.iommuc.dsl.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.CacheContent;
import org.iommuc.dsl.model.CacheTag;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;

/**
 * The values of {@code org.iommuc.runtime.ModelConfig} for a description
 * (docs/model-semantics.md, section 2), and the cache policy the walk follows.
 */
public record ModelSettings(
        String name,
        int iovaBits,
        int oaBits,
        long apertureFirst,
        long apertureLast,
        int[] pageShifts,
        boolean tlbByMaster,
        boolean walkCacheByMaster,
        int tlbCapacity,
        int walkCacheCapacity,
        String resetTranslation,
        boolean losesStateOnPowerOff,
        List<String> interruptNames,
        String walker,
        int masters,
        boolean tlbCachesLeaf,
        boolean tlbCachesInvalid,
        int tlbLine,
        boolean[] walkCacheLevels,
        boolean walkCacheCachesInvalid) {

    public static ModelSettings of(Description d) {
        boolean cachesInvalid = d.tlb().map(t -> t.caches(CacheContent.INVALID.keyword())).orElse(false);
        TreeSet<Integer> shifts = new TreeSet<>();
        for (long size : WalkGeometry.pageSizes(d)) {
            shifts.add(63 - Long.numberOfLeadingZeros(size));
        }
        List<Level> levels = d.levels();
        boolean[] walkCached = new boolean[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            if (cachesInvalid && !level.isFixed()) {
                shifts.add(level.indexBits().get().low());
            }
            walkCached[i] = !level.isFixed() && d.walkCache().map(c -> c.caches(level.name().text())
                    || c.caches(CacheContent.TABLE.keyword())).orElse(false);
        }
        int[] pageShifts = shifts.stream().mapToInt(Integer::intValue).toArray();
        List<String> interrupts = new ArrayList<>();
        for (Interrupt i : d.interrupts()) {
            interrupts.add(i.name().text());
        }
        return new ModelSettings(d.name().text(), d.iovaBitsValue(), d.oaBitsValue(), d.apertureFirst(),
                d.apertureLast(), pageShifts, tagged(d.tlb()), tagged(d.walkCache()), capacity(d.tlb()),
                capacity(d.walkCache()),
                d.resetTranslationValue().keyword(), d.power().isPresent(), interrupts, d.walk().get().coherency().keyword(),
                (int) Math.max(1, Math.min(64, d.mastersValue())),
                d.tlb().map(t -> t.caches(CacheContent.LEAF.keyword())).orElse(false), cachesInvalid,
                (int) (long) d.tlb().map(Cache::lineValue).orElse(1L), walkCached,
                d.walkCache().map(c -> c.caches(CacheContent.INVALID.keyword())).orElse(false));
    }

    private static boolean tagged(java.util.Optional<Cache> cache) {
        if (cache.isEmpty()) {
            return false;
        }
        for (Ident t : cache.get().tags()) {
            if (t.text().equals(CacheTag.MASTER.keyword())) {
                return true;
            }
        }
        return false;
    }

    private static int capacity(java.util.Optional<Cache> cache) {
        return (int) cache.flatMap(Cache::capacity).map(e -> Exprs.constant(e).orElse(0)).orElse(0L).longValue();
    }

    @Override
    public int[] pageShifts() {
        return pageShifts.clone();
    }

    @Override
    public boolean[] walkCacheLevels() {
        return walkCacheLevels.clone();
    }
}
