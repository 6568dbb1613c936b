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
 * The caret line copies tabs from the source line so it stays aligned in any terminal.
 */
public final class DiagnosticRenderer {

    private final Map<String, SourceFile> sources;

    public DiagnosticRenderer(Map<String, SourceFile> sources) {
        this.sources = sources;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            render(d, out);
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
        if (file == null) {
            return;
        }
        String line = file.line(span.line());
        String gutter = String.valueOf(span.line());
        String pad = " ".repeat(Math.max(5, gutter.length() + 1));
        out.append(pad, 0, pad.length() - gutter.length()).append(gutter).append(" | ")
                .append(printable(line)).append('\n');
        out.append(pad).append(" | ").append(caret(line, span)).append('\n');
    }

    private static String caret(String line, Span span) {
        int startColumn = Math.min(span.column() - 1, line.length());
        int length = Math.max(1, Math.min(span.end() - span.start(), line.length() - startColumn));
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
