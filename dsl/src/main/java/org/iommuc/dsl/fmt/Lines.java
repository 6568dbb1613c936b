package org.iommuc.dsl.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * The formatted text under construction: lines of code at an indent depth, each with an optional
 * trailing line comment. Rendering aligns the trailing comments of consecutive lines.
 */
final class Lines {

    static final int INDENT_WIDTH = 4;
    /** Spaces between the longest code of a run of commented lines and the comments. */
    static final int COMMENT_GAP = 2;

    private static final class Line {
        final int depth;
        final boolean blank;
        final StringBuilder code = new StringBuilder();
        String comment;
        boolean opensBlock;

        Line(int depth, boolean blank) {
            this.depth = depth;
            this.blank = blank;
        }

        boolean multiLine() {
            return code.indexOf("\n") >= 0;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private Line open;

    boolean isOpen() {
        return open != null;
    }

    /** True when the last line written ends with a block's <code>{</code>: no blank line may follow it. */
    boolean lastOpensBlock() {
        return !lines.isEmpty() && lines.get(lines.size() - 1).opensBlock;
    }

    /** Closes the open line and starts another at {@code depth}, after one blank line if asked. */
    void newLine(int depth, boolean blankBefore) {
        open = null;
        if (blankBefore && !lines.isEmpty() && !lines.get(lines.size() - 1).blank) {
            lines.add(new Line(0, true));
        }
        open = new Line(depth, false);
        lines.add(open);
    }

    /** Appends code to the open line, after one space when {@code space} and the line is not empty. */
    void append(String text, boolean space) {
        if (space && open.code.length() > 0) {
            open.code.append(' ');
        }
        open.code.append(text);
        open.opensBlock = "{".equals(text);
    }

    /** Appends a block comment inline; it does not change whether the line opens a block. */
    void appendComment(String text) {
        boolean opens = open.opensBlock;
        append(text, true);
        open.opensBlock = opens;
    }

    /** Ends the open line with a line comment. */
    void endWithComment(String text) {
        open.comment = text;
        open = null;
    }

    void close() {
        open = null;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int end = runEnd(i);
            int column = 0;
            for (int j = i; j < end; j++) {
                column = Math.max(column, lines.get(j).code.length());
            }
            for (int j = i; j < end; j++) {
                render(lines.get(j), column + COMMENT_GAP, out);
            }
            i = end;
        }
        return out.toString();
    }

    /** The end (exclusive) of the run of lines starting at {@code start} whose comments align. */
    private int runEnd(int start) {
        Line first = lines.get(start);
        if (first.comment == null || first.multiLine()) {
            return start + 1;
        }
        int end = start + 1;
        while (end < lines.size()) {
            Line next = lines.get(end);
            if (next.blank || next.comment == null || next.multiLine() || next.depth != first.depth) {
                break;
            }
            end++;
        }
        return end;
    }

    private static void render(Line line, int commentColumn, StringBuilder out) {
        if (line.blank) {
            out.append('\n');
            return;
        }
        String indent = " ".repeat(line.depth * INDENT_WIDTH);
        out.append(indent).append(line.code);
        if (line.comment != null) {
            int pad = line.multiLine() ? COMMENT_GAP : commentColumn - line.code.length();
            out.append(" ".repeat(line.code.length() == 0 ? 0 : pad)).append(line.comment);
        }
        out.append('\n');
    }
}
