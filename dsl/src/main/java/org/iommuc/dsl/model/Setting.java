package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** A value and where it was written; {@link Span#NONE} marks a value that was defaulted. */
public record Setting<T>(T value, Span span) {

    public static <T> Setting<T> defaulted(T value) {
        return new Setting<>(value, Span.NONE);
    }

    public boolean isDefault() {
        return span.isNone();
    }
}
