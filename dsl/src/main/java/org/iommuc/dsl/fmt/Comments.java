package org.iommuc.dsl.fmt;

/**
 * Comment text as the formatter writes it: words untouched, line ends normalised to {@code \n},
 * no trailing whitespace, and the continuation lines of a block comment moved by as many columns
 * as its first line moved, so a boxed comment keeps its shape when it is re-indented.
 */
final class Comments {

    private Comments() {}

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
        if (shift >= 0) {
            return " ".repeat(shift) + line;
        }
        int drop = 0;
        while (drop < -shift && drop < line.length() && Character.isWhitespace(line.charAt(drop))) {
            drop++;
        }
        return line.substring(drop);
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
