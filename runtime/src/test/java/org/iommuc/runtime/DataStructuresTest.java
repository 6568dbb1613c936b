package org.iommuc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataStructuresTest {

    private static final long SEED = Long.getLong("runtime.seed", 42L);

    static Stream<Long> seeds() {
        return IntStream.range(0, 20).mapToObj(i -> SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void longIndexMapAgreesWithHashMap(long seed) {
        Random random = new Random(seed);
        LongIndexMap map = new LongIndexMap(4);
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            long key = random.nextInt(300) * 0x1000L;
            switch (random.nextInt(3)) {
                case 0 -> {
                    int value = random.nextInt(1000);
                    map.put(key, value);
                    reference.put(key, value);
                }
                case 1 -> assertThat(map.remove(key)).isEqualTo(reference.containsKey(key) ? reference.remove(key) : -1);
                default -> assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, -1));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void physicalMemoryAgreesWithAByteMap(long seed) {
        Random random = new Random(seed);
        PhysicalMemory memory = new PhysicalMemory(40);
        Map<Long, Integer> bytes = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            long address = (random.nextInt(64) * 0x1_0000_0000L / 64 + random.nextInt(8192)) & ((1L << 40) - 1);
            int size = 1 << random.nextInt(4);
            if (random.nextBoolean()) {
                long value = random.nextLong();
                memory.write(address, size, value);
                for (int b = 0; b < size; b++) {
                    bytes.put(address + b, (int) (value >>> (8 * b)) & 0xFF);
                }
            } else {
                long expected = 0;
                for (int b = size - 1; b >= 0; b--) {
                    expected = (expected << 8) | bytes.getOrDefault(address + b, 0);
                }
                assertThat(memory.read(address, size)).isEqualTo(expected);
            }
        }
    }

    @Test
    void memoryIsSparseAndBounded() {
        PhysicalMemory memory = new PhysicalMemory(40);
        assertThat(memory.read(0xFF_FFFF_F000L, 8)).isZero();
        assertThat(memory.pageCount()).isZero();
        memory.write(0xFF_FFFF_FFF8L, 8, -1L);
        assertThat(memory.pageCount()).isEqualTo(1);
        assertThat(memory.write(0xFF_FFFF_FFFCL, 8, 1)).isFalse();
        assertThat(memory.write(0x100_0000_0000L, 4, 1)).isFalse();
        assertThat(memory.read(0x100_0000_0000L, 4)).isZero();
        assertThat(memory.contains(-8, 8)).isFalse();
    }

    @Test
    void nonCoherentWritesBecomeVisibleOnClean() {
        SystemMemory memory = new SystemMemory(new PhysicalMemory(32), WalkerView.NONCOHERENT);
        memory.cpuWrite(0x1004, 4, 0xCAFE);
        assertThat(memory.cpuRead(0x1004, 4)).isEqualTo(0xCAFE);
        assertThat(memory.deviceRead(0x1004, 4)).isZero();
        assertThat(memory.isStale(0x1000, 8)).isTrue();
        memory.clean(0x1000, 4);
        assertThat(memory.deviceRead(0x1004, 4)).as("the whole line is written back").isEqualTo(0xCAFE);
        assertThat(memory.dirtyLines()).isZero();

        SystemMemory coherent = new SystemMemory(new PhysicalMemory(32), WalkerView.COHERENT);
        coherent.cpuWrite(0x1004, 4, 0xCAFE);
        assertThat(coherent.deviceRead(0x1004, 4)).isEqualTo(0xCAFE);
    }

    @Test
    void cacheInvalidationsRemoveExactlyTheCoveredEntries() {
        TranslationCache cache = new TranslationCache(0);
        cache.fill(0, 0x1000, 12, 0xA000, 1, 0, 1, false);
        cache.fill(1, 0x1000, 12, 0xB000, 1, 0, 1, false);
        cache.fill(0, 0x10_0000, 20, 0xC0_0000, 1, 1, 0, false);
        cache.fill(2, 0x5000, 12, 0xD000, 1, 0, 1, true);
        assertThat(cache.lookup(0, 0x1FFF, 12)).isNotNegative();
        assertThat(cache.lookup(0, 0x1A_BCDE, 20)).isNotNegative();
        assertThat(cache.invalidatePage(0x1000)).isEqualTo(2);
        assertThat(cache.invalidateRange(0x1F_F000, 0x1F_FFFF)).as("inside the 1M block").isEqualTo(1);
        assertThat(cache.invalidateMaster(2)).isEqualTo(1);
        assertThat(cache.size()).isZero();
        cache.fill(0, 0x3000, 12, 0, 0, 0, 1, false);
        cache.fill(0, 0x4000, 12, 0, 0, 0, 1, false);
        assertThat(cache.invalidateMasked(0x3000, 0xFFFF_F000L)).isEqualTo(1);
        assertThat(cache.base(cache.lookup(0, 0x4ABC, 12))).isEqualTo(0x4000);
    }

    /**
     * A bounded cache keeps exactly what an access-ordered LinkedHashMap of the same capacity
     * keeps (evicting the least recently used entry, a lookup that hits counting as a use),
     * through lookups, fills, refills and every kind of invalidation.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boundedCacheEvictsTheLeastRecentlyUsedEntry(long seed) {
        Random random = new Random(seed);
        int capacity = 1 + random.nextInt(40);
        TranslationCache cache = new TranslationCache(capacity);
        Map<Long, Long> reference = new LinkedHashMap<>(16, 0.75f, true);
        for (int i = 0; i < 20_000; i++) {
            int master = random.nextInt(3);
            long page = random.nextInt(120);
            long iova = page << 12 | random.nextInt(0x1000);
            long key = page * 4 + master;
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    int slot = cache.lookup(master, iova, 12);
                    Long expected = reference.get(key);
                    assertThat(slot >= 0).as("step %d: lookup of page %d master %d", i, page, master)
                            .isEqualTo(expected != null);
                    if (slot >= 0) {
                        assertThat(cache.address(slot)).isEqualTo(expected);
                    }
                }
                case 4, 5, 6, 7 -> {
                    long address = random.nextLong() & 0xFF_FFFF_F000L;
                    cache.fill(master, iova, 12, address, 0, 0, 1, false);
                    reference.put(key, address);
                    if (reference.size() > capacity) {
                        Iterator<Long> eldest = reference.keySet().iterator();
                        eldest.next();
                        eldest.remove();
                    }
                }
                case 8 -> {
                    assertThat(cache.invalidatePage(iova)).isEqualTo(removeIf(reference, k -> k / 4 == page));
                }
                default -> {
                    switch (random.nextInt(3)) {
                        case 0 -> assertThat(cache.invalidateMaster(master))
                                .isEqualTo(removeIf(reference, k -> k % 4 == master));
                        case 1 -> {
                            long last = page + random.nextInt(8);
                            assertThat(cache.invalidateRange(page << 12, (last << 12) + 0xFFF))
                                    .isEqualTo(removeIf(reference, k -> k / 4 >= page && k / 4 <= last));
                        }
                        default -> {
                            if (random.nextInt(20) == 0) {
                                assertThat(cache.invalidateAll()).isEqualTo(reference.size());
                                reference.clear();
                            }
                        }
                    }
                }
            }
            assertThat(cache.size()).as("step %d", i).isEqualTo(reference.size());
        }
    }

    private static int removeIf(Map<Long, Long> map, java.util.function.LongPredicate remove) {
        int before = map.size();
        map.keySet().removeIf(k -> remove.test(k));
        return before - map.size();
    }
}
