package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * Memory the driver allocates for the hardware outside the page tables, which sequences can
 * name to get its physical address: {@code buffer protect size 128 align 128;} (MediaTek's
 * translation-fault protect buffer).
 */
public record Buffer(Ident name, Expr size, Optional<Expr> align, String doc, Span span) {

    public long sizeValue() {
        return Exprs.constant(size).orElse(0);
    }

    /** Alignment in bytes; the size rounded up to a power of two when not written. */
    public long alignValue() {
        long fallback = Long.highestOneBit(Math.max(1, sizeValue()));
        if (fallback < sizeValue()) {
            fallback <<= 1;
        }
        long dflt = fallback;
        return align.map(a -> Exprs.constant(a).orElse(dflt)).orElse(dflt);
    }
}
