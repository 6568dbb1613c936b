package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** The IOVA range a domain may map: {@code aperture 0 ..= 0xFFFF_FFFF;} (inclusive). */
public record Aperture(Expr first, Expr last, Span span) {}
