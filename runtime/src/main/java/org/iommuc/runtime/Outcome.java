package org.iommuc.runtime;

/** How a DMA transaction ended. */
public enum Outcome {
    /** Translated through the TLB or a walk. */
    TRANSLATED,
    /** Passed through untranslated (translation bypass). */
    BYPASSED,
    /** Faulted (see the fault kind and action). */
    FAULTED,
    /** Held: the IOMMU is stalled or waits for a stalled fault to be resumed. */
    STALLED,
    /** Refused: translation blocked, or the IOMMU is powered off. */
    BLOCKED,
    /** The address is beyond the output-address width. */
    BUS_ERROR;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
