package org.iommuc.runtime;

/**
 * Sparse physical memory of an output-address width: only the 4 KiB pages ever written cost
 * memory (a 40-bit space costs the pages touched). Reads of unwritten memory give 0. Accesses
 * are little-endian, 1 to 8 bytes (other sizes are refused with an IllegalArgumentException);
 * an access outside the address width reads 0 and writes nothing (callers check
 * {@link #contains} when that is a fault).
 */
public final class PhysicalMemory {

    private static final int PAGE_SHIFT = 12;
    private static final int WORDS_PER_PAGE = 1 << (PAGE_SHIFT - 3);

    private final int addressBits;
    private final long limit;
    private final LongIndexMap pageIndex = new LongIndexMap(64);
    private long[][] pages = new long[64][];
    private int pageCount;
    private long lastPageNumber = -1;
    private long[] lastPage;

    public PhysicalMemory(int addressBits) {
        if (addressBits < 12 || addressBits > 64) {
            throw new IllegalArgumentException("address width must be 12..64 bits, not " + addressBits);
        }
        this.addressBits = addressBits;
        this.limit = addressBits == 64 ? -1L : (1L << addressBits) - 1;
    }

    public int addressBits() {
        return addressBits;
    }

    /** True when {@code [address, address + bytes)} lies inside the address width. */
    public boolean contains(long address, int bytes) {
        long last = address + bytes - 1;
        return Long.compareUnsigned(last, address) >= 0 && Long.compareUnsigned(last, limit) <= 0;
    }

    public long read(long address, int bytes) {
        checkSize(bytes);
        if (!contains(address, bytes)) {
            return 0;
        }
        if ((address & (bytes - 1)) == 0) {
            long[] page = page(address >>> PAGE_SHIFT, false);
            if (page == null) {
                return 0;
            }
            long word = page[(int) (address >>> 3) & (WORDS_PER_PAGE - 1)];
            return bytes == 8 ? word : (word >>> ((address & 7) * 8)) & ones(bytes);
        }
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | read(address + i, 1);
        }
        return value;
    }

    /** Writes {@code bytes} bytes; false (and nothing written) outside the address width. */
    public boolean write(long address, int bytes, long value) {
        checkSize(bytes);
        if (!contains(address, bytes)) {
            return false;
        }
        if ((address & (bytes - 1)) == 0) {
            long[] page = page(address >>> PAGE_SHIFT, true);
            int w = (int) (address >>> 3) & (WORDS_PER_PAGE - 1);
            if (bytes == 8) {
                page[w] = value;
            } else {
                int shift = (int) (address & 7) * 8;
                long m = ones(bytes) << shift;
                page[w] = (page[w] & ~m) | ((value << shift) & m);
            }
            return true;
        }
        for (int i = 0; i < bytes; i++) {
            write(address + i, 1, value >>> (8 * i));
        }
        return true;
    }

    /** Pages allocated so far (each 4 KiB of memory touched). */
    public int pageCount() {
        return pageCount;
    }

    private long[] page(long number, boolean create) {
        if (number == lastPageNumber) {
            return lastPage;
        }
        int index = pageIndex.get(number);
        if (index < 0) {
            if (!create) {
                return null;
            }
            index = allocate(number);
        }
        lastPageNumber = number;
        lastPage = pages[index];
        return lastPage;
    }

    private int allocate(long number) {
        if (pageCount == pages.length) {
            long[][] bigger = new long[pages.length * 2][];
            System.arraycopy(pages, 0, bigger, 0, pages.length);
            pages = bigger;
        }
        pages[pageCount] = new long[WORDS_PER_PAGE];
        pageIndex.put(number, pageCount);
        return pageCount++;
    }

    /** Refuses an access size other than 1 to 8 bytes (a caller's mistake, not a bus event). */
    static void checkSize(int bytes) {
        if (bytes < 1 || bytes > 8) {
            throw new IllegalArgumentException("a memory access is 1 to 8 bytes, not " + bytes);
        }
    }

    static long ones(int bytes) {
        return bytes >= 8 ? -1L : (1L << (bytes * 8)) - 1;
    }
}
