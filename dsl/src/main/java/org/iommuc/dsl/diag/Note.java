package org.iommuc.dsl.diag;

import org.iommuc.dsl.source.Span;

/** A second location that explains a diagnostic ("first defined here"); the span may be NONE. */
public record Note(Span span, String message) {}
