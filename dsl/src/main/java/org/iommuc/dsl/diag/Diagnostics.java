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
    /** Diagnostics found in a derived description's inherited part, each with a note pointing at it. */
    private final Set<Diagnostic> inherited = new LinkedHashSet<>();

    public void report(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    /**
     * Reports a diagnostic found at an inherited place while checking a derived description,
     * with {@code note} pointing at the derived one; left out when the same diagnostic is
     * reported plainly (the base itself has the problem, and is checked too), or was already
     * reported for another derived description.
     */
    public void reportInherited(Diagnostic diagnostic, Note note) {
        List<Note> notes = new ArrayList<>(diagnostic.notes());
        notes.add(note);
        inherited.add(new Diagnostic(diagnostic.code(), diagnostic.severity(), diagnostic.span(), diagnostic.message(),
                notes));
    }

    public void error(Code code, Span span, String message, Note... notes) {
        report(Diagnostic.of(code, span, message, notes));
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
        inherited.addAll(other.inherited);
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public int errorCount() {
        int count = 0;
        for (Diagnostic d : all()) {
            if (d.isError()) {
                count++;
            }
        }
        return count;
    }

    public int size() {
        return all().size();
    }

    /**
     * The plain diagnostics, then the inherited ones not also reported plainly, each once: the
     * first report of a problem found in several derived descriptions (down a chain of
     * {@code extends}, or in siblings) keeps its note, the later ones are dropped.
     */
    private List<Diagnostic> all() {
        List<Diagnostic> list = new ArrayList<>(items);
        if (inherited.isEmpty()) {
            return list;
        }
        Set<List<Object>> seen = new java.util.HashSet<>();
        for (Diagnostic d : items) {
            seen.add(List.of(d.code(), d.span(), d.message()));
        }
        for (Diagnostic d : inherited) {
            if (seen.add(List.of(d.code(), d.span(), d.message()))) {
                list.add(d);
            }
        }
        return list;
    }

    /** All diagnostics in source order (file, then offset), then by code. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = all();
        list.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().start())
                .thenComparing(d -> d.code().name())
                .thenComparing(Diagnostic::message));
        return list;
    }
}
