package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A resolved variable: a context variable such as {@code iova}, a parameter or a local. */
public record VarRef(String name, Var kind, Span span) implements Expr {}
