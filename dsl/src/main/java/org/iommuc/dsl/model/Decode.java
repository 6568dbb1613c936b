package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * A resolved entry decoding {@code dte(DTE_ADDR).table}: the value read as an entry of the
 * format, then one field (an address field gives the assembled address).
 */
public record Decode(String format, Expr value, String field, Span span) implements Expr {}
