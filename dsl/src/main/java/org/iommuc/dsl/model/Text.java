package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A string literal, unquoted and unescaped. */
public record Text(String value, Span span) {}
