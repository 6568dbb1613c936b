package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * A page or table the driver allocates once and shares between slots: a dummy page, a dummy or
 * zero table. A shared table is filled with its level's empty entry.
 */
public record Shared(Ident name, Optional<Setting<Long>> pageSize, Optional<Ident> level, Span span) {

    public boolean isPage() {
        return pageSize.isPresent();
    }
}
