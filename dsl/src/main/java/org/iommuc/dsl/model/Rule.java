package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * A hardware behaviour rule: {@code on write COMMAND.CMD == ZAP_CACHE { invalidate tlb all; }}.
 * The comparison tests the value of the access (the value written, or the value read), or the
 * named field of it; {@code guard} is any further condition, evaluated on the registers after
 * the access took effect. Every matching rule runs, in the order written.
 */
public record Rule(
        Direction trigger,
        RegRef target,
        Optional<BinaryOp> compare,
        Optional<Expr> value,
        Optional<Expr> guard,
        List<Effect> effects,
        Span span) {

    public Rule {
        effects = List.copyOf(effects);
    }
}
