package org.iommuc.dsl.source;

/**
 * Where a piece of a description came from: characters {@code [start, end)} of a file, and the
 * 1-based line and column of the first character. Every model node carries one, so diagnostics
 * point at the exact clause and generated code can name the line it came from.
 */
public record Span(String file, int start, int end, int line, int column) {

    /** The span of something that was not written but defaulted. */
    public static final Span NONE = new Span("", 0, 0, 0, 0);

    public boolean isNone() {
        return line == 0;
    }

    /** The smallest span covering this one and {@code other} (same file). */
    public Span to(Span other) {
        if (isNone()) {
            return other;
        }
        if (other.isNone() || !other.file.equals(file)) {
            return this;
        }
        Span first = other.start < start ? other : this;
        return new Span(file, first.start, Math.max(end, other.end), first.line, first.column);
    }

    /** {@code file:line:col}, as used at the start of a diagnostic. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return isNone() ? "<default>" : location();
    }
}
