package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * A programming sequence of the driver. Well-known names give a sequence its role for generated
 * drivers: {@code init}, {@code enable(root)}, {@code disable}, {@code flush_all},
 * {@code flush_page(iova)}, {@code flush_range(first, last)}, {@code fault}, {@code suspend},
 * {@code resume}.
 */
public record Sequence(Ident name, List<Ident> params, List<Step> steps, String doc, Span span) {

    public Sequence {
        params = List.copyOf(params);
        steps = List.copyOf(steps);
    }
}
