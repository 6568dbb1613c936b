package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code target[index]}, before resolution (an element of a register array). */
public record Index(Expr target, Expr index, Span span) implements Expr {}
