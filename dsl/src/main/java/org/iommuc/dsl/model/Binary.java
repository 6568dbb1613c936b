package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code left op right}. */
public record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}
