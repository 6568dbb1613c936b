package org.iommuc.runtime;

import java.util.Arrays;

/**
 * A map from long keys to int values on primitive arrays (open addressing, linear probing,
 * backward-shift deletion): no boxing, no per-entry objects, for the hot paths of memory and
 * caches.
 */
final class LongIndexMap {

    private static final int FREE = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /**
     * Where the last {@link #get} that found nothing stopped, for which key, and how many
     * changes the table had then: a {@link #putIfAbsent} of that key right after it (a cache fill
     * after a miss) stores there without probing again.
     */
    private long missKey;
    private int missPosition = -1;
    private int modifications;
    private int missModifications;

    LongIndexMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, FREE);
        mask = capacity - 1;
    }

    /** The value of a key, or -1 when absent. */
    int get(long key) {
        int i = mix(key) & mask;
        while (true) {
            int v = values[i];
            if (v == FREE) {
                missKey = key;
                missPosition = i;
                missModifications = modifications;
                return -1;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets a key's value (values must be >= 0). */
    void put(long key, int value) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int i = mix(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        modifications++;
    }

    /**
     * Maps {@code key} to {@code value} unless it is mapped already, in one probe: returns the
     * existing value, or -1 when {@code value} was stored.
     */
    int putIfAbsent(long key, int value) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        if (missPosition >= 0 && missKey == key && missModifications == modifications) {
            return store(missPosition, key, value);
        }
        int i = mix(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return store(i, key, value);
    }

    private int store(int position, long key, int value) {
        keys[position] = key;
        values[position] = value;
        size++;
        modifications++;
        missPosition = -1;
        return -1;
    }

    /** Removes a key; returns its value or -1. */
    int remove(long key) {
        int i = mix(key) & mask;
        while (values[i] != FREE) {
            if (keys[i] == key) {
                int removed = values[i];
                shiftBack(i);
                size--;
                modifications++;
                return removed;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, FREE);
        size = 0;
        modifications++;
    }

    private void shiftBack(int hole) {
        int gap = hole;
        int i = (gap + 1) & mask;
        while (values[i] != FREE) {
            int home = mix(keys[i]) & mask;
            boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
            if (movable) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
            i = (i + 1) & mask;
        }
        values[gap] = FREE;
    }

    private void grow() {
        modifications++;
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, FREE);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
