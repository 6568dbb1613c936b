package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * One kind of entry a level may hold: a table pointer of some format, or a leaf mapping a page
 * of some size, possibly replicated over {@code contiguous} consecutive slots.
 */
public record EntryKind(
        Ident format,
        boolean leaf,
        Optional<Setting<Long>> pageSize,
        Optional<Setting<Integer>> contiguous,
        Span span) {

    public long pageSizeValue() {
        return pageSize.map(Setting::value).orElse(0L);
    }

    public int contiguousValue() {
        return contiguous.map(Setting::value).orElse(1);
    }
}
