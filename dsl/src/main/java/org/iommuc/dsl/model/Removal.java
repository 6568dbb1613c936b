package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** {@code remove register PAGE_FAULT_VA;} in a derived description. */
public record Removal(RemovalKind kind, List<Ident> path, Span span) {

    public Removal {
        path = List.copyOf(path);
    }

    public String pathText() {
        StringBuilder out = new StringBuilder();
        for (Ident part : path) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(part.text());
        }
        return out.toString();
    }
}
