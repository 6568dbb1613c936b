package org.iommuc.dsl.fmt;

/**
 * Comment text as the formatter writes it: words untouched, line ends normalised to {@code \n},
 * no trailing whitespace, and the continuation lines of a block comment moved by as many columns
 * as its first line moved, so a boxed comment keeps its shape when it is re-indented. Columns
 * count a tab as reaching the next multiple of {@link #TAB_WIDTH}; the leading whitespace of a
 * moved line is written as spaces.
 */
final class Comments {

    static final int TAB_WIDTH = 4;

    private Comments() {}

    /** The display column (0-based) reached after {@code prefix}, tabs expanded. */
    static int column(CharSequence prefix) {
        int column = 0;
        for (int i = 0; i < prefix.length(); i++) {
            column = prefix.charAt(i) == '\t' ? (column / TAB_WIDTH + 1) * TAB_WIDTH : column + 1;
        }
        return column;
    }

    /**
     * @param shift columns the comment's first line moved right (negative: left); continuation
     *     lines move the same way, losing at most their leading whitespace
     */
    static String normalize(String text, int shift) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (i > 0) {
                out.append('\n');
                line = line.isEmpty() ? line : shifted(line, shift);
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String shifted(String line, int shift) {
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        int indent = Math.max(0, column(line.substring(0, start)) + shift);
        return " ".repeat(indent) + line.substring(start);
    }

    /** The text two comments are compared by when checking that formatting lost nothing. */
    static String comparable(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.strip()).append('\n');
        }
        return out.toString();
    }
}
