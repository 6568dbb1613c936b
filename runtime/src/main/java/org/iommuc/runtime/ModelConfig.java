package org.iommuc.runtime;

import java.util.Arrays;

/**
 * What the engine needs to know about one IOMMU besides its registers.
 *
 * @param name the description's name, used in messages
 * @param iovaBits width of the input address
 * @param oaBits width of the output (physical) address
 * @param apertureFirst first IOVA that may be translated
 * @param apertureLast last IOVA that may be translated (inclusive)
 * @param pageShifts log2 of every leaf page size, smallest first (TLB block sizes)
 * @param tlbByMaster whether TLB entries are tagged with the master
 * @param walkCacheByMaster whether walk-cache entries are tagged with the master
 * @param tlbCapacity entries the TLB keeps when not in strict mode (0: unbounded)
 * @param walkCacheCapacity entries the walk cache keeps when not in strict mode (0: unbounded)
 * @param resetTranslation the translation state at reset
 * @param losesStateOnPowerOff whether powering off loses state (the description has a power item)
 * @param interruptNames the interrupt lines, in the order of the model's interrupt bit mask
 * @param walker what the walker sees of CPU writes
 * @param masters number of master ids (1..64)
 */
public record ModelConfig(
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
        TranslationMode resetTranslation,
        boolean losesStateOnPowerOff,
        String[] interruptNames,
        WalkerView walker,
        int masters) {

    public ModelConfig {
        pageShifts = pageShifts.clone();
        interruptNames = interruptNames.clone();
        if (masters < 1 || masters > 64) {
            throw new IllegalArgumentException("masters must be 1..64, not " + masters);
        }
    }

    @Override
    public int[] pageShifts() {
        return pageShifts.clone();
    }

    @Override
    public String[] interruptNames() {
        return interruptNames.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelConfig c && name.equals(c.name) && iovaBits == c.iovaBits && oaBits == c.oaBits
                && apertureFirst == c.apertureFirst && apertureLast == c.apertureLast
                && Arrays.equals(pageShifts, c.pageShifts) && tlbByMaster == c.tlbByMaster
                && walkCacheByMaster == c.walkCacheByMaster
                && tlbCapacity == c.tlbCapacity && walkCacheCapacity == c.walkCacheCapacity
                && resetTranslation == c.resetTranslation && losesStateOnPowerOff == c.losesStateOnPowerOff
                && Arrays.equals(interruptNames, c.interruptNames) && walker == c.walker && masters == c.masters;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(pageShifts);
    }
}
