package org.iommuc.runtime;

/**
 * Physical memory as the CPU and the page-table walker each see it. With a non-coherent walker
 * a CPU write stays in a dirty 64-byte cache line, visible to the CPU but not to the walker,
 * until {@link #clean} writes it back (what {@code dma_sync_single_for_device} does); a
 * coherent or uncached walker sees every CPU write at once. This makes a missing cache clean a
 * deterministic bug instead of a timing-dependent one.
 */
public final class SystemMemory {

    private static final int LINE_SHIFT = 6;
    private static final int WORDS_PER_LINE = 1 << (LINE_SHIFT - 3);

    private final PhysicalMemory memory;
    private final WalkerView view;
    private final LongIndexMap dirtyIndex = new LongIndexMap(16);
    private long[][] dirtyLines = new long[16][];
    private long[] dirtyLineNumbers = new long[16];
    private int dirtyCount;

    public SystemMemory(PhysicalMemory memory, WalkerView view) {
        this.memory = memory;
        this.view = view;
    }

    public PhysicalMemory physical() {
        return memory;
    }

    public WalkerView view() {
        return view;
    }

    /** A CPU write: cached (dirty) when the walker is non-coherent, else straight to memory. */
    public boolean cpuWrite(long address, int bytes, long value) {
        PhysicalMemory.checkSize(bytes);
        if (!memory.contains(address, bytes)) {
            return false;
        }
        if (view != WalkerView.NONCOHERENT) {
            return memory.write(address, bytes, value);
        }
        for (int i = 0; i < bytes; i++) {
            long a = address + i;
            long[] line = dirtyLine(a >>> LINE_SHIFT, true);
            int w = (int) (a >>> 3) & (WORDS_PER_LINE - 1);
            int shift = (int) (a & 7) * 8;
            line[w] = (line[w] & ~(0xFFL << shift)) | (((value >>> (8 * i)) & 0xFF) << shift);
        }
        return true;
    }

    /** What the CPU reads: its dirty lines first, then memory. */
    public long cpuRead(long address, int bytes) {
        PhysicalMemory.checkSize(bytes);
        if (dirtyCount == 0) {
            return memory.read(address, bytes);
        }
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | cpuByte(address + i);
        }
        return value;
    }

    /** What the walker (or a device) reads. */
    public long deviceRead(long address, int bytes) {
        return memory.read(address, bytes);
    }

    /** A device (DMA) write: to memory. */
    public boolean deviceWrite(long address, int bytes, long value) {
        return memory.write(address, bytes, value);
    }

    /** True when the CPU holds a write to these bytes that the walker cannot see yet. */
    public boolean isStale(long address, int bytes) {
        if (dirtyCount == 0) {
            return false;
        }
        for (long line = address >>> LINE_SHIFT; line <= lastByte(address, bytes) >>> LINE_SHIFT; line++) {
            if (dirtyIndex.get(line) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes back the dirty lines overlapping {@code [address, address + length)}; {@code length}
     * is unsigned, and a range past the top of the 64-bit space ends there.
     */
    public void clean(long address, long length) {
        if (dirtyCount == 0 || length == 0) {
            return;
        }
        long first = address >>> LINE_SHIFT;
        long last = lastByte(address, length) >>> LINE_SHIFT;
        if (last - first > dirtyCount) {
            for (int i = dirtyCount - 1; i >= 0; i--) {
                long line = dirtyLineNumbers[i];
                if (line >= first && line <= last) {
                    writeBack(line);
                }
            }
            return;
        }
        for (long line = first; line <= last; line++) {
            writeBack(line);
        }
    }

    /** The last byte of {@code [address, address + length)} (length unsigned, not 0), or the top of the space when it wraps. */
    private static long lastByte(long address, long length) {
        long last = address + length - 1;
        return Long.compareUnsigned(last, address) < 0 ? -1L : last;
    }

    /** Number of dirty lines the walker cannot see yet. */
    public int dirtyLines() {
        return dirtyCount;
    }

    private long cpuByte(long a) {
        long[] line = dirtyLine(a >>> LINE_SHIFT, false);
        if (line == null) {
            return memory.read(a, 1);
        }
        return (line[(int) (a >>> 3) & (WORDS_PER_LINE - 1)] >>> ((a & 7) * 8)) & 0xFF;
    }

    private long[] dirtyLine(long number, boolean create) {
        int index = dirtyIndex.get(number);
        if (index >= 0) {
            return dirtyLines[index];
        }
        if (!create) {
            return null;
        }
        if (dirtyCount == dirtyLines.length) {
            dirtyLines = java.util.Arrays.copyOf(dirtyLines, dirtyCount * 2);
            dirtyLineNumbers = java.util.Arrays.copyOf(dirtyLineNumbers, dirtyCount * 2);
        }
        long[] line = new long[WORDS_PER_LINE];
        long base = number << LINE_SHIFT;
        for (int w = 0; w < WORDS_PER_LINE; w++) {
            line[w] = memory.read(base + 8L * w, 8);
        }
        dirtyLines[dirtyCount] = line;
        dirtyLineNumbers[dirtyCount] = number;
        dirtyIndex.put(number, dirtyCount);
        dirtyCount++;
        return line;
    }

    private void writeBack(long number) {
        int index = dirtyIndex.remove(number);
        if (index < 0) {
            return;
        }
        long[] line = dirtyLines[index];
        long base = number << LINE_SHIFT;
        for (int w = 0; w < WORDS_PER_LINE; w++) {
            memory.write(base + 8L * w, 8, line[w]);
        }
        int lastIndex = --dirtyCount;
        if (index != lastIndex) {
            dirtyLines[index] = dirtyLines[lastIndex];
            dirtyLineNumbers[index] = dirtyLineNumbers[lastIndex];
            dirtyIndex.put(dirtyLineNumbers[index], index);
        }
        dirtyLines[lastIndex] = null;
    }
}
