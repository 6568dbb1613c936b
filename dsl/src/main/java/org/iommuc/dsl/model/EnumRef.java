package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A resolved enumerated value ({@code ENABLE_PAGING}), with the field it belongs to. */
public record EnumRef(String owner, String name, long value, Span span) implements Expr {}
