package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/** {@code const DTE_ADDR_DUMMY = 0xCAFEBABE;} */
public record Constant(Ident name, Expr value, String doc, Span span) {

    public long valueAsLong() {
        return Exprs.constant(value).orElse(0);
    }
}
