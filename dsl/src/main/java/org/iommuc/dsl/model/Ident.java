package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A name as written, with where it was written. */
public record Ident(String text, Span span) {

    @Override
    public String toString() {
        return text;
    }
}
