package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A bare name, before resolution. */
public record Name(Ident name) implements Expr {

    @Override
    public Span span() {
        return name.span();
    }
}
