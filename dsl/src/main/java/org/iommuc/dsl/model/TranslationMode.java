package org.iommuc.dsl.model;

/** What a `translation` effect switches to. */
public enum TranslationMode {
    /** Translate through the walk. */
    ON("on"),
    /** Pass IOVAs through untranslated (identity). */
    BYPASS("bypass"),
    /** Refuse every transaction. */
    BLOCK("block");

    private final String keyword;

    TranslationMode(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static TranslationMode fromKeyword(String word) {
        for (TranslationMode m : values()) {
            if (m.keyword.equals(word)) {
                return m;
            }
        }
        return null;
    }
}
