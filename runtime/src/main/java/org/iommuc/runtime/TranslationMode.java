package org.iommuc.runtime;

/** What the IOMMU does with DMA. */
public enum TranslationMode {
    /** Translate through the walk. */
    ON,
    /** Pass IOVAs through untranslated. */
    BYPASS,
    /** Refuse every transaction. */
    BLOCK;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
