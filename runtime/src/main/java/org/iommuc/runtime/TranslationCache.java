package org.iommuc.runtime;

import java.util.Arrays;

/**
 * A TLB or walk cache. Each entry covers the aligned IOVA block of {@code 2^shift} bytes that
 * holds its IOVA (a page for the TLB, the span of one table entry for the walk cache), for one
 * master tag (0 when untagged), and keeps the raw entry the walk read, the address it gives,
 * its kind and level, and whether it is a cached empty ("negative") entry.
 *
 * <p>Strict mode (capacity 0) keeps every entry until an invalidation removes it, so a missing
 * invalidation is a deterministic bug. With a capacity, the least recently used entry is
 * evicted. All on primitive arrays: no allocation on lookup or fill.
 */
public final class TranslationCache {

    private static final int MAX_MASTERS = 64;

    private final int capacity;
    private final LongIndexMap index = new LongIndexMap(64);
    private long[] keys = new long[64];
    private long[] addresses = new long[64];
    private long[] entries = new long[64];
    private long[] lastUse = new long[64];
    private int[] kinds = new int[64];
    private int[] levels = new int[64];
    private byte[] shifts = new byte[64];
    private byte[] masters = new byte[64];
    private boolean[] negative = new boolean[64];
    private boolean[] used = new boolean[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int highWater;
    private int size;
    private long clock;
    private long shiftsPresent;
    private long mastersPresent;

    /** @param capacity 0 for strict mode (unbounded), else the number of entries kept (LRU) */
    public TranslationCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    public int size() {
        return size;
    }

    public boolean strict() {
        return capacity == 0;
    }

    /** The slot caching {@code iova} for {@code master} at block size {@code 2^shift}, or -1. */
    public int lookup(int master, long iova, int shift) {
        int slot = index.get(key(master, iova, shift));
        if (slot >= 0) {
            lastUse[slot] = ++clock;
        }
        return slot;
    }

    /** Caches an entry (replacing one for the same block and master); returns its slot. */
    public int fill(int master, long iova, int shift, long address, long entry, int kind, int level, boolean isNegative) {
        long key = key(master, iova, shift);
        int slot = index.get(key);
        if (slot < 0) {
            if (capacity > 0 && size >= capacity) {
                evictLeastRecentlyUsed();
            }
            slot = allocate();
            index.put(key, slot);
            used[slot] = true;
            size++;
        }
        keys[slot] = key;
        addresses[slot] = address;
        entries[slot] = entry;
        kinds[slot] = kind;
        levels[slot] = level;
        shifts[slot] = (byte) shift;
        masters[slot] = (byte) (master & (MAX_MASTERS - 1));
        negative[slot] = isNegative;
        lastUse[slot] = ++clock;
        shiftsPresent |= 1L << shift;
        mastersPresent |= 1L << (master & (MAX_MASTERS - 1));
        return slot;
    }

    public long address(int slot) {
        return addresses[slot];
    }

    public long entry(int slot) {
        return entries[slot];
    }

    public int kind(int slot) {
        return kinds[slot];
    }

    public int level(int slot) {
        return levels[slot];
    }

    public boolean isNegative(int slot) {
        return negative[slot];
    }

    public int shift(int slot) {
        return shifts[slot];
    }

    public int master(int slot) {
        return masters[slot];
    }

    /** The first IOVA of the block a slot covers. */
    public long base(int slot) {
        int shift = shifts[slot];
        return (keys[slot] >>> 12) << shift;
    }

    // ---------------------------------------------------------------------------------------
    // Invalidation; each returns the number of entries removed

    public int invalidateAll() {
        int removed = size;
        index.clear();
        Arrays.fill(used, 0, highWater, false);
        freeCount = 0;
        highWater = 0;
        size = 0;
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
            if (used[slot] && overlaps(slot, first, last)) {
                removeSlot(slot);
                removed++;
            }
        }
        return removed;
    }

    /** Every entry whose block base matches {@code address} on the bits set in {@code mask}. */
    public int invalidateMasked(long address, long mask) {
        int removed = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (used[slot] && ((base(slot) ^ address) & mask) == 0) {
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
            if (used[slot] && masters[slot] == (byte) (master & (MAX_MASTERS - 1))) {
                removeSlot(slot);
                removed++;
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------------------------------

    private boolean overlaps(int slot, long first, long last) {
        long start = base(slot);
        long end = start + (1L << shifts[slot]) - 1;
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
        index.remove(keys[slot]);
        used[slot] = false;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
        size--;
    }

    private void evictLeastRecentlyUsed() {
        int victim = -1;
        for (int slot = 0; slot < highWater; slot++) {
            if (used[slot] && (victim < 0 || lastUse[slot] < lastUse[victim])) {
                victim = slot;
            }
        }
        if (victim >= 0) {
            removeSlot(victim);
        }
    }

    private int allocate() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (highWater == keys.length) {
            grow();
        }
        return highWater++;
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        addresses = Arrays.copyOf(addresses, n);
        entries = Arrays.copyOf(entries, n);
        lastUse = Arrays.copyOf(lastUse, n);
        kinds = Arrays.copyOf(kinds, n);
        levels = Arrays.copyOf(levels, n);
        shifts = Arrays.copyOf(shifts, n);
        masters = Arrays.copyOf(masters, n);
        negative = Arrays.copyOf(negative, n);
        used = Arrays.copyOf(used, n);
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
