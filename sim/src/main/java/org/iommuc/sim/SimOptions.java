package org.iommuc.sim;

/**
 * How the interpreter builds a model.
 *
 * @param strict keep every TLB and walk-cache entry until an invalidation removes it (the
 *     default, and what differential runs need); otherwise bound the caches by the description's
 *     capacities and evict the least recently used entry
 */
public record SimOptions(boolean strict) {

    /** Strict caches: a missing invalidation is a deterministic stale translation. */
    public static SimOptions defaults() {
        return new SimOptions(true);
    }
}
