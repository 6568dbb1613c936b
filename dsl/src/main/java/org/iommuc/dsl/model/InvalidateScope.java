package org.iommuc.dsl.model;

/** What an `invalidate` effect removes, and how many arguments it takes. */
public enum InvalidateScope {
    /** Everything. */
    ALL("all", 0),
    /** The entry translating one IOVA: {@code page(iova)}. */
    PAGE("page", 1),
    /** Every entry of an inclusive IOVA range: {@code range(first, last)}. */
    RANGE("range", 2),
    /** Entries whose IOVA matches an address under a mask: {@code masked(iova, mask)}. */
    MASKED("masked", 2),
    /** Entries of one master: {@code master(id)}. */
    MASTER("master", 1);

    private final String keyword;
    private final int arity;

    InvalidateScope(String keyword, int arity) {
        this.keyword = keyword;
        this.arity = arity;
    }

    public String keyword() {
        return keyword;
    }

    public int arity() {
        return arity;
    }

    public static InvalidateScope fromKeyword(String word) {
        for (InvalidateScope s : values()) {
            if (s.keyword.equals(word)) {
                return s;
            }
        }
        return null;
    }
}
