package org.iommuc.sim;

import java.util.EnumMap;
import java.util.Map;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.FaultAction;
import org.iommuc.runtime.Outcome;
import org.iommuc.runtime.Trace;

/** A trace that only counts what happened, by kind: enough to tell whether random operations exercise a model. */
final class TraceCounts implements Trace {

    enum Kind {
        WALKED, TLB_HIT, BYPASSED, FAULTED, STALLED, BLOCKED, DMA_BUS_ERROR, STALE_READ, WALK_READ, TLB_FILL, NEGATIVE_FILL,
        WALK_CACHE_FILL, INVALIDATION, INTERRUPT_CHANGE, FAULT_RESUMED, FAULT_ABORTED, MMIO_BUS_ERROR, POWER, RESET,
        TRANSLATION, STALL, REDIRECTED
    }

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void add(Event event) {
        Kind kind = kind(event);
        if (kind != null) {
            counts.merge(kind, 1L, Long::sum);
        }
        if (event instanceof Event.WalkRead r && r.stale()) {
            counts.merge(Kind.STALE_READ, 1L, Long::sum);
        }
        if (event instanceof Event.Dma dma && dma.action() == FaultAction.REDIRECT) {
            counts.merge(Kind.REDIRECTED, 1L, Long::sum);
        }
    }

    private static Kind kind(Event event) {
        if (event instanceof Event.Dma dma) {
            return dma(dma);
        }
        if (event instanceof Event.WalkRead) {
            return Kind.WALK_READ;
        }
        if (event instanceof Event.CacheFill f) {
            return f.cache().equals("tlb") ? (f.negative() ? Kind.NEGATIVE_FILL : Kind.TLB_FILL) : Kind.WALK_CACHE_FILL;
        }
        if (event instanceof Event.Invalidate) {
            return Kind.INVALIDATION;
        }
        if (event instanceof Event.Interrupt) {
            return Kind.INTERRUPT_CHANGE;
        }
        if (event instanceof Event.FaultDone f) {
            return f.resumed() ? Kind.FAULT_RESUMED : Kind.FAULT_ABORTED;
        }
        if (event instanceof Event.BusError) {
            return Kind.MMIO_BUS_ERROR;
        }
        if (event instanceof Event.Power) {
            return Kind.POWER;
        }
        if (event instanceof Event.Reset) {
            return Kind.RESET;
        }
        if (event instanceof Event.Translation) {
            return Kind.TRANSLATION;
        }
        if (event instanceof Event.Stall) {
            return Kind.STALL;
        }
        return null;
    }

    private static Kind dma(Event.Dma dma) {
        switch (dma.outcome()) {
            case TRANSLATED:
                return dma.fromTlb() ? Kind.TLB_HIT : Kind.WALKED;
            case BYPASSED:
                return Kind.BYPASSED;
            case FAULTED:
                return Kind.FAULTED;
            case STALLED:
                return Kind.STALLED;
            case BLOCKED:
                return Kind.BLOCKED;
            default:
                return dma.outcome() == Outcome.BUS_ERROR ? Kind.DMA_BUS_ERROR : null;
        }
    }

    long get(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** One line: every count that is not zero. */
    String summary() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Kind, Long> e : counts.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ').append(e.getValue());
        }
        return out.toString();
    }
}
