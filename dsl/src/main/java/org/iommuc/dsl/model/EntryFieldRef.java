package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A field of the entry being checked, in a format's permission rules. */
public record EntryFieldRef(String format, String field, Span span) implements Expr {}
