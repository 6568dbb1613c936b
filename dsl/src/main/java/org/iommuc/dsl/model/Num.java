package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A literal. Sizes ({@code 4K}) are in bytes, times ({@code 100us}) in nanoseconds. */
public record Num(long value, Unit unit, Span span) implements Expr {

    public enum Unit {
        NONE,
        BYTES,
        NANOS
    }

    public static Num of(long value) {
        return new Num(value, Unit.NONE, Span.NONE);
    }
}
