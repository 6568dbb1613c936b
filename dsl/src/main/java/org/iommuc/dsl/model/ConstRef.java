package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * A resolved reference to a {@code const}, with its value; {@code failed} when the constant's
 * own expression cannot be computed (that error is reported once, at the constant), so that
 * what uses it is not computable either and reports nothing more.
 */
public record ConstRef(String name, long value, boolean failed, Span span) implements Expr {

    public ConstRef(String name, long value, Span span) {
        this(name, value, false, span);
    }
}
