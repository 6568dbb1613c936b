package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** An interrupt line, asserted while its condition is non-zero: {@code interrupt irq = INT_STATUS != 0;} */
public record Interrupt(Ident name, Expr condition, String doc, Span span) {}
