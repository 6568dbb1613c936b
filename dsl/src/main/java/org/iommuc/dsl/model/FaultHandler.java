package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * What the hardware records for faults of some kinds (at some levels): registers set, then
 * {@code stall} (the transaction waits for {@code fault resume}) or {@code abort} (the default).
 */
public record FaultHandler(
        List<Setting<FaultKind>> kinds,
        List<Ident> levels,
        Optional<Expr> guard,
        List<Effect> effects,
        Span span) {

    public FaultHandler {
        kinds = List.copyOf(kinds);
        levels = List.copyOf(levels);
        effects = List.copyOf(effects);
    }

    public boolean handles(FaultKind kind) {
        for (Setting<FaultKind> k : kinds) {
            if (k.value() == kind) {
                return true;
            }
        }
        return false;
    }
}
