package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** One sequence an obligation requires, with its arguments. */
public record ObligationCall(Ident sequence, List<Expr> args, Span span) {

    public ObligationCall {
        args = List.copyOf(args);
    }
}
