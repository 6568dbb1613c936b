package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * The TLB or the walk cache. {@code caches} names what it keeps ({@code leaf}, {@code invalid},
 * {@code table}, or level names); {@code line} is how many consecutive entries it fetches and
 * keeps together; {@code capacity} bounds it in LRU mode; {@code tagged} adds tags to the key.
 */
public record Cache(
        CacheKind kind,
        List<Ident> contents,
        Optional<Expr> line,
        Optional<Expr> capacity,
        List<Ident> tags,
        Span span) {

    public Cache {
        contents = List.copyOf(contents);
        tags = List.copyOf(tags);
    }

    public boolean caches(String word) {
        for (Ident c : contents) {
            if (c.text().equals(word)) {
                return true;
            }
        }
        return false;
    }

    public long lineValue() {
        return line.map(l -> Exprs.constant(l).orElse(1)).orElse(1L);
    }
}
