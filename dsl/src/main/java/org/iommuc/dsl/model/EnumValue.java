package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** One enumerated value of a field: {@code ENABLE_PAGING = 0}. */
public record EnumValue(Ident name, Expr value, String doc, Span span) {

    public long valueAsLong() {
        return Exprs.constant(value).orElse(0);
    }
}
