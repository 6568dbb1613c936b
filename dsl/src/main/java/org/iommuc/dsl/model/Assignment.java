package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code field = value}, in a permission encoding. */
public record Assignment(Ident field, Expr value, Span span) {}
