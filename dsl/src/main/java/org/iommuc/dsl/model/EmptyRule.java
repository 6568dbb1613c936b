package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * What an unmapped slot holds. {@code empty fault} (the default): it holds 0 and the walk
 * faults; {@code empty pt fault clear valid}: unmap clears only that field and keeps the other
 * bits; {@code empty l2 = l2pte(page = dummy)}: the slot holds that entry, so the walk goes on.
 */
public record EmptyRule(Optional<Ident> level, Optional<Ident> clearField, Optional<Expr> entry, Span span) {

    public boolean faults() {
        return entry.isEmpty();
    }
}
