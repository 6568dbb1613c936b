package org.iommuc.dsl.diag;

import java.util.List;
import java.util.Map;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * Writes diagnostics as a compiler does:
 *
 * <pre>
 * rk.iommu:12:9: error[E0200]: register FOO overlaps STATUS at offset 0x4
 *    12 |         FOO 0x04 rw;
 *       |         ^^^
 * rk.iommu:5:9: note: STATUS is defined here
 *     5 |         STATUS 0x04 ro {
 *       |         ^^^^^^
 * </pre>
 *
 * The caret line copies tabs from the source line so it stays aligned in any terminal. Output
 * stays proportional to the number of diagnostics whatever the input: a long line is shown as a
 * window around the caret, and at most {@link #MAX_RENDERED} diagnostics are rendered.
 */
public final class DiagnosticRenderer {

    /** Most diagnostics rendered; the others are counted in one last line, as compilers cap their output. */
    public static final int MAX_RENDERED = 1000;
    /** Longest source line shown whole; of a longer one, a window this wide around the caret is shown. */
    static final int MAX_LINE = 200;

    private final Map<String, SourceFile> sources;

    public DiagnosticRenderer(Map<String, SourceFile> sources) {
        this.sources = sources;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(diagnostics.size(), MAX_RENDERED);
        for (int i = 0; i < shown; i++) {
            render(diagnostics.get(i), out);
        }
        if (diagnostics.size() > shown) {
            out.append("(").append(diagnostics.size() - shown).append(" more diagnostics not shown)\n");
        }
        return out.toString();
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        render(d, out);
        return out.toString();
    }

    private void render(Diagnostic d, StringBuilder out) {
        header(d.span(), d.severity().label() + "[" + d.code().name() + "]", d.message(), out);
        excerpt(d.span(), out);
        for (Note note : d.notes()) {
            header(note.span(), "note", note.message(), out);
            excerpt(note.span(), out);
        }
    }

    private static void header(Span span, String kind, String message, StringBuilder out) {
        if (!span.isNone()) {
            out.append(span.location()).append(": ");
        } else if (!span.file().isEmpty()) {
            out.append(span.file()).append(": ");
        }
        out.append(kind).append(": ").append(message).append('\n');
    }

    private void excerpt(Span span, StringBuilder out) {
        if (span.isNone()) {
            return;
        }
        SourceFile file = sources.get(span.file());
        if (file == null || span.line() > file.lineCount()) {
            return;
        }
        Excerpt excerpt = Excerpt.of(file, span);
        String gutter = String.valueOf(span.line());
        String pad = " ".repeat(Math.max(5, gutter.length() + 1));
        out.append(pad, 0, pad.length() - gutter.length()).append(gutter).append(" | ")
                .append(excerpt.text()).append('\n');
        out.append(pad).append(" | ").append(excerpt.caret()).append('\n');
    }

    /** The part of a source line shown (all of it unless it is long) and the caret line under it. */
    private record Excerpt(String text, String caret) {

        static Excerpt of(SourceFile file, Span span) {
            int lineStart = file.lineStart(span.line());
            int lineEnd = file.lineEnd(span.line());
            int from = lineStart;
            int to = lineEnd;
            if (lineEnd - lineStart > MAX_LINE) {
                int caretAt = Math.max(lineStart, Math.min(span.start(), lineEnd));
                from = Math.max(lineStart, caretAt - MAX_LINE / 2);
                to = Math.min(lineEnd, from + MAX_LINE);
                from = Math.max(lineStart, to - MAX_LINE);
                from += from > lineStart && Character.isLowSurrogate(file.text().charAt(from)) ? 1 : 0;
                to -= to < lineEnd && Character.isHighSurrogate(file.text().charAt(to - 1)) ? 1 : 0;
            }
            String shown = file.text().substring(from, to);
            String before = from > lineStart ? "..." : "";
            String after = to < lineEnd ? "..." : "";
            int startColumn = Math.max(0, Math.min(span.start() - from, shown.length()));
            int length = Math.max(1, Math.min(span.end() - span.start(), shown.length() - startColumn));
            return new Excerpt(before + printable(shown) + after, " ".repeat(before.length()) + caret(shown, startColumn, length));
        }

        /**
         * Spaces under the text before the span (tabs copied, so the caret stays aligned
         * whatever the tab width), then a '^' under each terminal cell of the span.
         */
        private static String caret(String line, int startColumn, int length) {
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < startColumn; ) {
                int cp = line.codePointAt(i);
                if (cp == '\t') {
                    caret.append('\t');
                } else {
                    caret.append(" ".repeat(cells(cp)));
                }
                i += Character.charCount(cp);
            }
            int width = 0;
            for (int i = startColumn; i < startColumn + length && i < line.length(); ) {
                int cp = line.codePointAt(i);
                width += cp == '\t' ? 1 : cells(cp);
                i += Character.charCount(cp);
            }
            caret.append("^".repeat(Math.max(1, width)));
            return caret.toString();
        }

        /**
         * How many terminal cells a character takes, as wcwidth says for the common cases: 0
         * for combining marks and format characters, 2 for East Asian wide and fullwidth
         * characters and emoji, else 1 (control characters are shown as one '?').
         */
        static int cells(int cp) {
            if (cp < 0x20 || cp == 0x7F) {
                return 1;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                return 0;
            }
            boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                    || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF)
                    || (cp >= 0x20000 && cp <= 0x3FFFD);
            return wide ? 2 : 1;
        }

        /** Control characters (other than tab) would garble a terminal: show them as '?'. */
        private static String printable(String line) {
            StringBuilder out = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                out.append(c != '\t' && (c < 0x20 || c == 0x7f) ? '?' : c);
            }
            return out.toString();
        }
    }
}
