package org.iommuc.dsl.diag;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** One finding about a description: data, never printed by the code that finds it. */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<Note> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic of(Code code, Span span, String message, Note... notes) {
        return new Diagnostic(code, code.severity(), span, message, List.of(notes));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
