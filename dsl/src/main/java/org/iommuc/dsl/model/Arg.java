package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** An argument of a call, positional or named ({@code table = dt}). */
public record Arg(Optional<Ident> name, Expr value, Span span) {}
