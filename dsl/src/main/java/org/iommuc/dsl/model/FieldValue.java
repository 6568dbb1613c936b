package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** One named argument of an entry encoding: a field (or the address field) and its value. */
public record FieldValue(String field, Expr value, Span span) {}
