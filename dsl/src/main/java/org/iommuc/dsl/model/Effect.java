package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** What hardware does in a behaviour rule or when it records a fault. */
public sealed interface Effect {

    Span span();

    /** {@code translation on|bypass|block;} */
    record Translation(TranslationMode mode, Span span) implements Effect {}

    /** {@code stall on|off;}: hold (or release) new transactions. */
    record Stall(boolean on, Span span) implements Effect {}

    /** {@code invalidate tlb page(value);} */
    record Invalidate(CacheKind cache, InvalidateScope scope, List<Expr> args, Span span) implements Effect {
        public Invalidate {
            args = List.copyOf(args);
        }
    }

    /** {@code reset;}: every register to its reset value, translation off, caches empty. */
    record Reset(Span span) implements Effect {}

    /** {@code fault resume;} or {@code fault abort;}: finish the stalled faulting transaction. */
    record FaultDone(boolean resume, Span span) implements Effect {}

    /** {@code stall;} or {@code abort;} in a fault handler: what happens to the transaction. */
    record FaultAction(boolean stall, Span span) implements Effect {}

    /**
     * {@code redirect address;} in a fault handler: the faulting transaction completes at output
     * address {@code address} (evaluated where the effect stands), neither stalled nor failed.
     * A third fault action besides {@link FaultAction}'s stall and abort.
     */
    record Redirect(Expr address, Span span) implements Effect {}

    /** {@code REG.FIELD = expr;} */
    record Assign(RegRef target, Expr value, Span span) implements Effect {}

    /** {@code if cond { ... } else { ... }} */
    record If(Expr condition, List<Effect> then, List<Effect> otherwise, Span span) implements Effect {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** An unrecognised word where an effect's mode was expected, kept so checks can go on. */
    record Invalid(Optional<String> word, Span span) implements Effect {}
}
