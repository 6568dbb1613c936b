package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code condition ? then : otherwise}. */
public record Conditional(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}
