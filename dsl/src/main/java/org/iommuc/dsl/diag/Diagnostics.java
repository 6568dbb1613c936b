package org.iommuc.dsl.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iommuc.dsl.source.Span;

/**
 * The sink every phase reports into. It drops exact duplicates (the same code, place and text),
 * so a cascade of identical complaints is reported once.
 */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void report(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void error(Code code, Span span, String message, Note... notes) {
        report(Diagnostic.of(code, span, message, notes));
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public int errorCount() {
        int count = 0;
        for (Diagnostic d : items) {
            if (d.isError()) {
                count++;
            }
        }
        return count;
    }

    public int size() {
        return items.size();
    }

    /** All diagnostics in source order (file, then offset), then by code. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().start())
                .thenComparing(d -> d.code().name())
                .thenComparing(Diagnostic::message));
        return list;
    }
}
