package org.iommuc.dsl.model;

/** What a cache may keep, as written after `caches`. Level names are also allowed there. */
public enum CacheContent {
    /** Leaf translations. */
    LEAF("leaf"),
    /** Empty (invalid) entries: a later map must invalidate too. */
    INVALID("invalid"),
    /** Table entries of every level (a walk cache); name levels to be precise. */
    TABLE("table");

    private final String keyword;

    CacheContent(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static CacheContent fromKeyword(String word) {
        for (CacheContent c : values()) {
            if (c.keyword.equals(word)) {
                return c;
            }
        }
        return null;
    }
}
