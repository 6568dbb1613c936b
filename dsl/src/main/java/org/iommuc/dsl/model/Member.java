package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code target.member}, before resolution (a register field, or a field of a decoded entry). */
public record Member(Expr target, Ident member, Span span) implements Expr {}
