package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * {@code function(args)}, before resolution: a built-in function, an entry encoding
 * {@code pte(page = pa, valid = 1)}, or an entry decoding {@code dte(DTE_ADDR)}.
 */
public record Call(Ident function, List<Arg> args, Span span) implements Expr {

    public Call {
        args = List.copyOf(args);
    }
}
