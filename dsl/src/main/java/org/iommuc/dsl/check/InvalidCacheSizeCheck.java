package org.iommuc.dsl.check;

import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;

/**
 * Reports a cache {@code line} or {@code capacity} below 1, a {@code line} that is not a power
 * of two (a line is a naturally aligned group of entries), and a capacity above what a model
 * keeps ({@value #MAX_CAPACITY} entries).
 */
final class InvalidCacheSizeCheck implements Check {

    /** The most entries a bounded model cache holds (2^24: 512 MiB of entries). */
    static final long MAX_CAPACITY = 1L << 24;

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        description.tlb().ifPresent(c -> check(c, diagnostics));
        description.walkCache().ifPresent(c -> check(c, diagnostics));
    }

    private static void check(Cache cache, Diagnostics diagnostics) {
        String name = cache.kind().keyword();
        cache.line().ifPresent(line -> {
            OptionalLong value = Exprs.constant(line);
            if (value.isEmpty()) {
                return;
            }
            if (!positive(line, name + " line", diagnostics)) {
                return;
            }
            if (Long.bitCount(value.getAsLong()) != 1) {
                diagnostics.error(Code.E0106, line.span(), name + " line must be a power of two (entries fetched "
                        + "together), not " + Long.toUnsignedString(value.getAsLong()));
            }
        });
        cache.capacity().ifPresent(capacity -> {
            if (positive(capacity, name + " capacity", diagnostics)) {
                OptionalLong value = Exprs.constant(capacity);
                if (value.isPresent() && Long.compareUnsigned(value.getAsLong(), MAX_CAPACITY) > 0) {
                    diagnostics.error(Code.E0106, capacity.span(), name + " capacity "
                            + Long.toUnsignedString(value.getAsLong()) + " is more than a model keeps (at most "
                            + MAX_CAPACITY + " entries); leave 'capacity' out for a cache that keeps every entry");
                }
            }
        });
    }

    private static boolean positive(Expr expr, String what, Diagnostics diagnostics) {
        OptionalLong value = Exprs.constant(expr);
        if (value.isEmpty() || value.getAsLong() != 0) {
            return true;
        }
        diagnostics.error(Code.E0106, expr.span(), what + " must be at least 1 entry, not 0");
        return false;
    }
}
