package org.iommuc.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The registers of a model as data: one slot per register (one per element of an array), with
 * what software access does to each bit. The engine applies these semantics for every model, so
 * access kinds mean the same thing in generated models and in the interpreter:
 *
 * <ul>
 *   <li>a write stores the {@code writable} bits, clears the {@code w1c} bits written 1, and
 *       clears the bits written 1 in the {@code clears} target register; after the behaviour
 *       rules ran, the {@code selfClearing} bits read 0 again;</li>
 *   <li>a read returns the stored value ({@code computed} registers ask the model; unreadable,
 *       i.e. write-only, registers read 0), then clears the {@code readToClear} bits;</li>
 *   <li>at one offset, reads go to the read view and writes to the write view when the
 *       description declares a pair.</li>
 * </ul>
 */
public final class RegisterMap {

    private final String[] names;
    private final long[] offsets;
    private final int[] widths;
    private final long[] resets;
    private final long[] writable;
    private final long[] w1c;
    private final long[] readToClear;
    private final long[] selfClearing;
    private final boolean[] readable;
    private final boolean[] computed;
    private final boolean[] losesPower;
    private final int[] clearsTarget;
    private final LongIndexMap readDispatch;
    private final LongIndexMap writeDispatch;

    private RegisterMap(Builder b) {
        int n = b.slots.size();
        names = new String[n];
        offsets = new long[n];
        widths = new int[n];
        resets = new long[n];
        writable = new long[n];
        w1c = new long[n];
        readToClear = new long[n];
        selfClearing = new long[n];
        readable = new boolean[n];
        computed = new boolean[n];
        losesPower = new boolean[n];
        clearsTarget = new int[n];
        readDispatch = new LongIndexMap(n);
        writeDispatch = new LongIndexMap(n);
        for (int i = 0; i < n; i++) {
            Slot s = b.slots.get(i);
            names[i] = s.name;
            offsets[i] = s.offset;
            widths[i] = s.width;
            long mask = widthMask(s.width);
            resets[i] = s.reset & mask;
            writable[i] = s.writable & mask;
            w1c[i] = s.w1c & mask;
            readToClear[i] = s.readToClear & mask;
            selfClearing[i] = s.selfClearing & mask;
            readable[i] = s.readable;
            computed[i] = s.computed;
            losesPower[i] = s.losesPower;
            clearsTarget[i] = s.clearsTarget;
            if (s.dispatchReads) {
                readDispatch.put(s.offset, i);
            }
            if (s.dispatchWrites) {
                writeDispatch.put(s.offset, i);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return names.length;
    }

    /** The slot reads at {@code offset} go to, or -1. */
    public int readSlot(long offset) {
        return readDispatch.get(offset);
    }

    /** The slot writes at {@code offset} go to, or -1. */
    public int writeSlot(long offset) {
        return writeDispatch.get(offset);
    }

    public String name(int slot) {
        return names[slot];
    }

    public long offset(int slot) {
        return offsets[slot];
    }

    public int width(int slot) {
        return widths[slot];
    }

    public long reset(int slot) {
        return resets[slot];
    }

    public long writable(int slot) {
        return writable[slot];
    }

    public long w1c(int slot) {
        return w1c[slot];
    }

    public long readToClear(int slot) {
        return readToClear[slot];
    }

    public long selfClearing(int slot) {
        return selfClearing[slot];
    }

    public boolean readable(int slot) {
        return readable[slot];
    }

    public boolean computed(int slot) {
        return computed[slot];
    }

    public boolean losesPower(int slot) {
        return losesPower[slot];
    }

    /** The slot whose bits a write of 1 clears, or -1. */
    public int clearsTarget(int slot) {
        return clearsTarget[slot];
    }

    static long widthMask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    private static final class Slot {
        String name;
        long offset;
        int width;
        long reset;
        long writable;
        long w1c;
        long readToClear;
        long selfClearing;
        boolean readable = true;
        boolean computed;
        boolean losesPower;
        int clearsTarget = -1;
        boolean dispatchReads = true;
        boolean dispatchWrites = true;
    }

    /** Builds a register map slot by slot; slots are numbered in the order they are added. */
    public static final class Builder {
        private final List<Slot> slots = new ArrayList<>();

        /** Adds a read-write register of {@code width} bits; returns its slot. */
        public Builder add(String name, long offset, int width, long reset) {
            if (width != 8 && width != 16 && width != 32 && width != 64) {
                throw new IllegalArgumentException(name + ": width " + width);
            }
            Slot s = new Slot();
            s.name = name;
            s.offset = offset;
            s.width = width;
            s.reset = reset;
            s.writable = -1L;
            slots.add(s);
            return this;
        }

        private Slot last() {
            return slots.get(slots.size() - 1);
        }

        /** The bits of the last register software writes store; the rest keep their value. */
        public Builder writable(long mask) {
            last().writable = mask;
            return this;
        }

        public Builder w1c(long mask) {
            last().w1c = mask;
            return this;
        }

        public Builder readToClear(long mask) {
            last().readToClear = mask;
            return this;
        }

        public Builder selfClearing(long mask) {
            last().selfClearing = mask;
            return this;
        }

        /** The last register is write-only: reads return 0. */
        public Builder writeOnly() {
            last().readable = false;
            return this;
        }

        /** The last register's value comes from the model ({@code REG = expr}). */
        public Builder computed() {
            last().computed = true;
            return this;
        }

        public Builder losesPower() {
            last().losesPower = true;
            return this;
        }

        /** A write of 1 to the last register clears that bit of register {@code slot}. */
        public Builder clears(int slot) {
            last().clearsTarget = slot;
            return this;
        }

        /** The last register is the read view of its offset: writes go elsewhere. */
        public Builder readView() {
            last().dispatchWrites = false;
            return this;
        }

        /** The last register is the write view of its offset: reads go elsewhere. */
        public Builder writeView() {
            last().dispatchReads = false;
            return this;
        }

        public RegisterMap build() {
            return new RegisterMap(this);
        }
    }

    @Override
    public String toString() {
        return "RegisterMap" + Arrays.toString(names);
    }
}
