package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** One address slice mapping: entry bits {@code entry} hold address bits {@code address}. */
public record Slice(BitRange entry, BitRange address, Span span) {}
