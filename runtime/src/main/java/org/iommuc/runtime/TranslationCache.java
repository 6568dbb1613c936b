package org.iommuc.runtime;

import java.util.Arrays;

/**
 * A TLB or walk cache. Each entry covers the aligned IOVA block of {@code 2^shift} bytes that
 * holds its IOVA (a page for the TLB, the span of one table entry for the walk cache; shifts of
 * 12 and more), for one master tag (0 when untagged), and keeps the raw entry the walk read, the
 * address it gives, its kind and level, and whether it is a cached empty ("negative") entry.
 *
 * <p>Strict mode (capacity 0) keeps every entry until an invalidation removes it, so a missing
 * invalidation is a deterministic bug. With a capacity, the least recently used entry is
 * evicted (in constant time: the entries are kept on a list in order of use). An entry lives in four consecutive longs (key, address, entry, packed kind, level,
 * shift, master and flags), so a lookup or a fill touches one cache line and allocates nothing.
 */
public final class TranslationCache {

    private static final int MAX_MASTERS = 64;
    private static final int STRIDE = 4;
    private static final long USED = 1L << 62;
    private static final long NEGATIVE = 1L;

    private final int capacity;
    private final LongIndexMap index = new LongIndexMap(64);
    /** Per slot: key, address, entry, meta. */
    private long[] data = new long[64 * STRIDE];
    /**
     * In LRU mode only: per slot, the previous (more recently used) and next (less recently
     * used) slot of the list of entries in order of use, -1 at either end; null when strict.
     */
    private int[] newer;
    private int[] older;
    /** The most and the least recently used slots, -1 when the list is empty. */
    private int newest = -1;
    private int oldest = -1;
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int highWater;
    private int size;
    /** Bit s set when an entry of block size 2^s may be cached (cleared only by invalidateAll). */
    private long shiftsPresent;
    private long mastersPresent;

    /** @param capacity 0 for strict mode (unbounded), else the number of entries kept (LRU) */
    public TranslationCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        if (capacity > 0) {
            this.newer = new int[64];
            this.older = new int[64];
        }
    }

    public int size() {
        return size;
    }

    public boolean strict() {
        return capacity == 0;
    }

    /** The slot caching {@code iova} for {@code master} at block size {@code 2^shift}, or -1. */
    public int lookup(int master, long iova, int shift) {
        if ((shiftsPresent >>> shift & 1) == 0) {
            return -1;
        }
        int slot = index.get(key(master, iova, shift));
        if (slot >= 0 && newer != null) {
            touch(slot);
        }
        return slot;
    }

    /** Caches an entry (replacing one for the same block and master); returns its slot. */
    public int fill(int master, long iova, int shift, long address, long entry, int kind, int level, boolean isNegative) {
        long key = key(master, iova, shift);
        int slot;
        if (newer != null) {
            slot = index.get(key);
            if (slot < 0) {
                if (size >= capacity) {
                    removeSlot(oldest);
                }
                slot = allocate();
                index.put(key, slot);
                size++;
                pushNewest(slot);
            } else {
                touch(slot);
            }
        } else {
            int candidate = nextFreeSlot();
            int existing = index.putIfAbsent(key, candidate);
            if (existing >= 0) {
                slot = existing;
            } else {
                slot = allocate();
                size++;
            }
        }
        int base = slot * STRIDE;
        data[base] = key;
        data[base + 1] = address;
        data[base + 2] = entry;
        data[base + 3] = meta(kind, level, shift, master, isNegative);
        shiftsPresent |= 1L << shift;
        mastersPresent |= 1L << (master & (MAX_MASTERS - 1));
        return slot;
    }

    public long address(int slot) {
        return data[slot * STRIDE + 1];
    }

    public long entry(int slot) {
        return data[slot * STRIDE + 2];
    }

    public int kind(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 32 & 0x3FFF_FFFFL) - 1;
    }

    public int level(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 16 & 0xFFFF) - 1;
    }

    public boolean isNegative(int slot) {
        return (data[slot * STRIDE + 3] & NEGATIVE) != 0;
    }

    public int shift(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 1 & 0x7F);
    }

    public int master(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 8 & 0x3F);
    }

    /** The first IOVA of the block a slot covers. */
    public long base(int slot) {
        return (data[slot * STRIDE] >>> 12) << shift(slot);
    }

    // ---------------------------------------------------------------------------------------
    // Invalidation; each returns the number of entries removed

    public int invalidateAll() {
        int removed = size;
        index.clear();
        Arrays.fill(data, 0, highWater * STRIDE, 0);
        freeCount = 0;
        highWater = 0;
        size = 0;
        newest = -1;
        oldest = -1;
        shiftsPresent = 0;
        mastersPresent = 0;
        return removed;
    }

    /** Every entry (any master, any block size) covering {@code iova}. */
    public int invalidatePage(long iova) {
        int removed = 0;
        for (long s = shiftsPresent; s != 0; s &= s - 1) {
            int shift = Long.numberOfTrailingZeros(s);
            for (long m = mastersPresent; m != 0; m &= m - 1) {
                removed += removeKey(key(Long.numberOfTrailingZeros(m), iova, shift));
            }
        }
        return removed;
    }

    /** Every entry whose block overlaps {@code [first, last]}. */
    public int invalidateRange(long first, long last) {
        if (Long.compareUnsigned(first, last) > 0) {
            return 0;
        }
        int removed = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (used(slot) && overlaps(slot, first, last)) {
                removeSlot(slot);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Every entry whose block holds an IOVA that matches {@code address} on the bits set in
     * {@code mask}: the bits below the block size are free, so a 4 MiB block matches a 4 KiB
     * mask of any page inside it.
     */
    public int invalidateMasked(long address, long mask) {
        int removed = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (used(slot) && ((base(slot) ^ address) & mask & blockMask(shift(slot))) == 0) {
                removeSlot(slot);
                removed++;
            }
        }
        return removed;
    }

    /** Every entry tagged with {@code master}. */
    public int invalidateMaster(int master) {
        int removed = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (used(slot) && master(slot) == (master & (MAX_MASTERS - 1))) {
                removeSlot(slot);
                removed++;
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------------------------------

    private static long meta(int kind, int level, int shift, int master, boolean negative) {
        return USED | ((long) (kind + 1) & 0x3FFF_FFFFL) << 32 | ((long) (level + 1) & 0xFFFF) << 16
                | (long) (master & (MAX_MASTERS - 1)) << 8 | (long) (shift & 0x7F) << 1 | (negative ? NEGATIVE : 0);
    }

    /** The bits of an IOVA above a block of 2^shift bytes. */
    private static long blockMask(int shift) {
        return shift >= 64 ? 0 : -1L << shift;
    }

    private boolean used(int slot) {
        return (data[slot * STRIDE + 3] & USED) != 0;
    }

    private boolean overlaps(int slot, long first, long last) {
        long start = base(slot);
        long end = start + (1L << shift(slot)) - 1;
        return Long.compareUnsigned(start, last) <= 0 && Long.compareUnsigned(end, first) >= 0;
    }

    private int removeKey(long key) {
        int slot = index.get(key);
        if (slot < 0) {
            return 0;
        }
        removeSlot(slot);
        return 1;
    }

    private void removeSlot(int slot) {
        index.remove(data[slot * STRIDE]);
        data[slot * STRIDE + 3] = 0;
        if (newer != null) {
            unlink(slot);
        }
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
        size--;
    }

    /** Makes a listed slot the most recently used. */
    private void touch(int slot) {
        if (slot != newest) {
            unlink(slot);
            pushNewest(slot);
        }
    }

    private void pushNewest(int slot) {
        newer[slot] = -1;
        older[slot] = newest;
        if (newest >= 0) {
            newer[newest] = slot;
        } else {
            oldest = slot;
        }
        newest = slot;
    }

    private void unlink(int slot) {
        int n = newer[slot];
        int o = older[slot];
        if (n >= 0) {
            older[n] = o;
        } else {
            newest = o;
        }
        if (o >= 0) {
            newer[o] = n;
        } else {
            oldest = n;
        }
    }

    /** The slot {@link #allocate} will return next, without taking it. */
    private int nextFreeSlot() {
        return freeCount > 0 ? freeSlots[freeCount - 1] : highWater;
    }

    private int allocate() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (highWater * STRIDE == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
            if (newer != null) {
                newer = Arrays.copyOf(newer, newer.length * 2);
                older = Arrays.copyOf(older, older.length * 2);
            }
        }
        return highWater++;
    }

    /**
     * The key of a block: its number (IOVA >> shift, up to 52 bits for shift >= 12), the shift
     * and the master. Blocks of different sizes never share a key.
     */
    private static long key(int master, long iova, int shift) {
        long block = shift >= 64 ? 0 : iova >>> shift;
        return (block << 12) | ((long) (shift & 63) << 6) | (master & (MAX_MASTERS - 1));
    }
}
