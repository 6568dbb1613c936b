package org.iommuc.runtime;

import java.util.Locale;

/**
 * One thing that happened in a model, as a readable line. A generated model and the
 * interpreter must produce equal events for equal operations (records compare by value).
 */
public sealed interface Event {

    /** A register write by software, before its effects. */
    record MmioWrite(String register, long offset, int width, long value) implements Event {
        @Override
        public String toString() {
            return "mmio write " + register + " @" + hex(offset) + " = " + hex(value);
        }
    }

    /** A register read by software, with the value returned. */
    record MmioRead(String register, long offset, int width, long value) implements Event {
        @Override
        public String toString() {
            return "mmio read " + register + " @" + hex(offset) + " -> " + hex(value);
        }
    }

    /** An access the bus refused: no register there, a wrong width, or the power is off. */
    record BusError(String access, long offset, int width, String reason) implements Event {
        @Override
        public String toString() {
            return "bus error: " + access + " @" + hex(offset) + " (" + width + " bits): " + reason;
        }
    }

    /**
     * A DMA transaction and how it ended. {@code kind}, {@code level} and {@code action} describe a
     * fault; {@code oa} is where the access went (translated, bypassed, or a fault redirected).
     */
    record Dma(int master, long iova, boolean write, Outcome outcome, long oa, boolean fromTlb, FaultKind kind,
            int level, FaultAction action) implements Event {
        @Override
        public String toString() {
            String head = "dma m" + master + " " + (write ? "write " : "read ") + hex(iova) + " -> ";
            switch (outcome) {
                case TRANSLATED:
                    return head + hex(oa) + (fromTlb ? " (tlb)" : " (walk)");
                case BYPASSED:
                    return head + hex(oa) + " (bypass)";
                case FAULTED:
                    return head + kind.word() + " fault" + (level >= 0 ? " at level " + level : "") + ", " + action.word()
                            + (action == FaultAction.REDIRECT ? " to " + hex(oa) : "");
                default:
                    return head + outcome.word();
            }
        }
    }

    /** The walker read a page-table entry; {@code stale} when the CPU holds an uncleaned write there. */
    record WalkRead(int level, long address, long value, boolean stale) implements Event {
        @Override
        public String toString() {
            return "walk level " + level + " read " + hex(address) + " = " + hex(value) + (stale ? " (stale: CPU write not cleaned)" : "");
        }
    }

    /** An entry cached in the TLB or the walk cache. */
    record CacheFill(String cache, int master, long base, int shift, long address, boolean negative) implements Event {
        @Override
        public String toString() {
            return cache + " fill m" + master + " " + hex(base) + "/" + (1L << shift >>> 10) + "K"
                    + (negative ? " empty" : " -> " + hex(address));
        }
    }

    /** An invalidation effect and how many entries it removed. */
    record Invalidate(String cache, String scope, long first, long second, int removed) implements Event {
        @Override
        public String toString() {
            return "invalidate " + cache + " " + scope + "(" + hex(first) + ", " + hex(second) + "): " + removed + " removed";
        }
    }

    /** A stalled faulting transaction was resumed (retried) or aborted. */
    record FaultDone(boolean resumed) implements Event {
        @Override
        public String toString() {
            return resumed ? "fault resume" : "fault abort";
        }
    }

    record Translation(TranslationMode mode) implements Event {
        @Override
        public String toString() {
            return "translation " + mode.word();
        }
    }

    record Stall(boolean on) implements Event {
        @Override
        public String toString() {
            return "stall " + (on ? "on" : "off");
        }
    }

    record Reset() implements Event {
        @Override
        public String toString() {
            return "reset";
        }
    }

    record Interrupt(String line, boolean asserted) implements Event {
        @Override
        public String toString() {
            return "interrupt " + line + (asserted ? " asserted" : " deasserted");
        }
    }

    record Power(boolean on) implements Event {
        @Override
        public String toString() {
            return "power " + (on ? "on" : "off");
        }
    }

    /** A CPU write to memory (a page-table update). */
    record CpuWrite(long address, int bytes, long value) implements Event {
        @Override
        public String toString() {
            return "cpu write " + hex(address) + " = " + hex(value) + " (" + bytes + " bytes)";
        }
    }

    /** A cache clean (dma_sync_single_for_device) of a memory range. */
    record Clean(long address, long length) implements Event {
        @Override
        public String toString() {
            return "clean " + hex(address) + " +" + length;
        }
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
