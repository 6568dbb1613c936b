package org.iommuc.dsl.model;

/** The two caches a description can describe. */
public enum CacheKind {
    TLB("tlb"),
    WALK_CACHE("walkcache");

    private final String keyword;

    CacheKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
