package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** The page-table walk: where it starts, its levels, empty entries, and what the walker sees. */
public record Walk(
        Optional<Expr> root,
        List<Level> levels,
        List<EmptyRule> empties,
        List<Shared> shared,
        Optional<Setting<Coherency>> walker,
        Span span) {

    public Walk {
        levels = List.copyOf(levels);
        empties = List.copyOf(empties);
        shared = List.copyOf(shared);
    }

    public Coherency coherency() {
        return walker.map(Setting::value).orElse(Coherency.COHERENT);
    }

    public Optional<Level> level(String name) {
        for (Level l : levels) {
            if (l.name().text().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The empty rule of a level: its own, else the walk-wide one, else {@code empty fault}. */
    public Optional<EmptyRule> emptyOf(String levelName) {
        EmptyRule general = null;
        for (EmptyRule e : empties) {
            if (e.level().isEmpty()) {
                general = e;
            } else if (e.level().get().text().equals(levelName)) {
                return Optional.of(e);
            }
        }
        return Optional.ofNullable(general);
    }
}
