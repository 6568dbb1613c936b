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

        private static String caret(String line, int startColumn, int length) {
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < startColumn; i++) {
                caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
            }
            caret.append("^".repeat(length));
            return caret.toString();
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
