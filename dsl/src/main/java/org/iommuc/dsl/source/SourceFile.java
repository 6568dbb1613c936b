package org.iommuc.dsl.source;

import java.util.Arrays;

/**
 * The text of one description file and a table of where its lines start, so that offsets can be
 * turned into line and column numbers and a diagnostic can print the source line it points at.
 *
 * @param path the path as the user gave it (or as an include resolved it), used in messages
 * @param text the decoded text
 */
public record SourceFile(String path, String text, int[] lineStarts) {

    public SourceFile {
        lineStarts = lineStarts.clone();
    }

    /** Lines end with LF, CRLF or a lone CR (old Mac files), as the lexer's whitespace sees them. */
    public static SourceFile of(String path, String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i)) {
                lines++;
            }
        }
        int[] starts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i)) {
                starts[line++] = i + 1;
            }
        }
        return new SourceFile(path, text, starts);
    }

    private static boolean endsLine(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return index >= 0 ? index + 1 : -index - 1;
    }

    /**
     * 1-based column of a character offset, in characters (code points: an emoji is one column,
     * though it is two chars; a tab is one column).
     */
    public int columnOf(int offset) {
        int line = lineOf(offset);
        int start = lineStarts[line - 1];
        int end = Math.min(Math.max(offset, start), text.length());
        return text.codePointCount(start, end) + 1 + Math.max(0, offset - end);
    }

    /** The text of a 1-based line without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** Offset of the first character of a 1-based line (which must exist). */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just after the last character of a 1-based line (which must exist), before its terminator. */
    public int lineEnd(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** A span covering characters {@code [start, end)} of this file. */
    public Span span(int start, int end) {
        int clampedStart = Math.max(0, Math.min(start, text.length()));
        int clampedEnd = Math.max(clampedStart, Math.min(end, text.length()));
        int line = lineOf(clampedStart);
        return new Span(path, clampedStart, clampedEnd, line, columnOf(clampedStart));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && path.equals(that.path) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + text.length() + " chars]";
    }
}
