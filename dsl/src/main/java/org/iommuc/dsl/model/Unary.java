package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code op operand}. */
public record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
