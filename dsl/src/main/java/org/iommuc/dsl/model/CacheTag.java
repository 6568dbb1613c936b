package org.iommuc.dsl.model;

/** What identifies a cached entry besides its address. */
public enum CacheTag {
    IOVA("iova"),
    MASTER("master");

    private final String keyword;

    CacheTag(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static CacheTag fromKeyword(String word) {
        for (CacheTag t : values()) {
            if (t.keyword.equals(word)) {
                return t;
            }
        }
        return null;
    }
}
