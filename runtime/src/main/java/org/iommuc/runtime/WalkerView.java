package org.iommuc.runtime;

/** What the page-table walker sees of CPU writes (the description's {@code walker}). */
public enum WalkerView {
    /** The walker snoops CPU caches: it sees every CPU write at once. */
    COHERENT,
    /** The walker reads memory only: a CPU write is visible after it is cleaned (dma_sync). */
    NONCOHERENT,
    /** Tables are uncached for the CPU: every CPU write goes straight to memory. */
    UNCACHED
}
