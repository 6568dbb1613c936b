package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * One level of the walk. It is indexed either by IOVA bits ({@code index iova 31:22}) or by a
 * fixed index ({@code index 0}); its table has {@code size} bytes aligned to {@code align}
 * (both derived from the index bits and entry width when not written).
 */
public record Level(
        Ident name,
        Optional<BitRange> indexBits,
        Optional<Setting<Long>> fixedIndex,
        Optional<Expr> size,
        Optional<Expr> align,
        List<EntryKind> kinds,
        String doc,
        Span span) {

    public Level {
        kinds = List.copyOf(kinds);
    }

    public boolean isFixed() {
        return fixedIndex.isPresent();
    }
}
