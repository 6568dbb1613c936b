package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** A named field of a register: its bits, an access kind if it differs, values, reset. */
public record Field(
        Ident name,
        BitRange bits,
        Optional<Setting<Access>> access,
        Optional<Expr> reset,
        String doc,
        List<EnumValue> values,
        Span span) {

    public Field {
        values = List.copyOf(values);
    }
}
