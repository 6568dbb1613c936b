package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * Which sequences a page-table change requires before the change may be relied on:
 * {@code unmap: flush_page(each);}. Events are {@code map}, {@code unmap} and {@code link}
 * (a table entry replaced at a level). An empty call list is {@code none}.
 */
public record Obligation(Ident event, Optional<Ident> level, List<ObligationCall> calls, Span span) {

    public Obligation {
        calls = List.copyOf(calls);
    }

    /** The events an obligation can name. */
    public static final List<String> EVENTS = List.of("map", "unmap", "link");

    public String key() {
        return event.text() + level.map(l -> " " + l.text()).orElse("");
    }
}
