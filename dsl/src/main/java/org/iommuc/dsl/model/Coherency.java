package org.iommuc.dsl.model;

/** What the page-table walker sees of CPU writes to page-table memory. */
public enum Coherency {
    /** The walker snoops CPU caches: it sees every write at once. */
    COHERENT("coherent"),
    /** The walker reads memory only: software must clean (dma_sync) each PTE write. */
    NONCOHERENT("noncoherent"),
    /** Tables are mapped uncached for the CPU: every write goes straight to memory. */
    UNCACHED("uncached");

    private final String keyword;

    Coherency(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Coherency fromKeyword(String word) {
        for (Coherency c : values()) {
            if (c.keyword.equals(word)) {
                return c;
            }
        }
        return null;
    }
}
