package org.iommuc.dsl.model;

/** What a `remove` item in a derived description deletes from its base. */
public enum RemovalKind {
    REGISTER("register"),
    FORMAT("format"),
    LEVEL("level"),
    SEQUENCE("sequence"),
    RULE("rule"),
    FAULT("fault"),
    CONST("const"),
    OBLIGATION("obligation"),
    INTERRUPT("interrupt"),
    SHARED("shared"),
    EMPTY("empty"),
    WALKCACHE("walkcache"),
    BUFFER("buffer"),
    OPTION("option"),
    BANKS("banks"),
    BYPASS("bypass");

    private final String keyword;

    RemovalKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static RemovalKind fromKeyword(String word) {
        for (RemovalKind k : values()) {
            if (k.keyword.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
