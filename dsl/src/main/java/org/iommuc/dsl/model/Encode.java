package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * A resolved entry encoding {@code dte(table = dt)}: tag fields take their constants and fields
 * with a default take it unless given; an address field takes an address and packs its slices.
 */
public record Encode(String format, List<FieldValue> values, Span span) implements Expr {

    public Encode {
        values = List.copyOf(values);
    }
}
