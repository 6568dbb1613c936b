package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A resolved reference to a {@code const}, with its value. */
public record ConstRef(String name, long value, Span span) implements Expr {}
