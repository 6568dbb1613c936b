package org.iommuc.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.SystemMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Rockchip v2 models translating DMA, one model kind per {@code @Param} value (see
 * {@link Models}), all in one run so their ratios are comparable. Each model gets the same
 * setup: tables above 4 GiB, {@value #PAGES} pages mapped to 40-bit physical addresses in four
 * page tables, the IOMMU enabled as the driver enables it, and the IOVAs in a fixed random order.
 *
 * <ul>
 *   <li>{@link #translateTlbHit}: every page is in the TLB.</li>
 *   <li>{@link #translateTlbMiss}: the TLB is zapped (COMMAND = ZAP_CACHE) before each batch of
 *       {@value #PAGES} translations, outside the timing, so every translation misses and walks
 *       both levels and fills the TLB.</li>
 *   <li>{@link #walkMemoryReads}: the two reads one walk makes ({@link SystemMemory#deviceRead} of
 *       the same DTE and PTE addresses), with nothing else: the floor a walk is compared with.</li>
 * </ul>
 *
 * Times are per translation (per pair of reads), in nanoseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModelBenchmark {

    /** Pages translated per batch: four page tables of 256 pages each. */
    public static final int PAGES = 1024;
    private static final int PAGES_PER_TABLE = 256;
    private static final long TABLES = 0x12_3400_0000L;
    private static final long FIRST_PAGE = 0xAB_CDE0_0000L;
    private static final long GIB = 1L << 30;

    @Param({"baseline"})
    public String model;

    private IommuModel iommu;
    private SystemMemory memory;
    private RockchipV2Tables tables;
    private final long[] iovas = new long[PAGES];
    private final long[] dteAddresses = new long[PAGES];
    private final long[] pteAddresses = new long[PAGES];

    @Setup(Level.Trial)
    public void setUp() {
        iommu = Models.create(model);
        memory = iommu.memory();
        tables = new RockchipV2Tables(iommu, TABLES);
        if (!tables.enable()) {
            throw new IllegalStateException(model + ": enable failed");
        }
        long[] expected = new long[PAGES];
        for (int t = 0; t < PAGES / PAGES_PER_TABLE; t++) {
            long pa = FIRST_PAGE + (long) t * PAGES_PER_TABLE * RockchipV2Tables.PAGE_SIZE;
            tables.map(t * GIB, pa, PAGES_PER_TABLE, true, true);
            for (int p = 0; p < PAGES_PER_TABLE; p++) {
                int i = t * PAGES_PER_TABLE + p;
                long offset = (i * 0x48L) & 0xFF8;
                iovas[i] = t * GIB + p * RockchipV2Tables.PAGE_SIZE + offset;
                expected[i] = pa + p * RockchipV2Tables.PAGE_SIZE + offset;
            }
        }
        shuffle(new Random(42), expected);
        for (int i = 0; i < PAGES; i++) {
            dteAddresses[i] = tables.dteAddress(iovas[i]);
            pteAddresses[i] = tables.pteAddress(iovas[i]);
            long oa = iommu.translate(0, iovas[i], false);
            if (oa != expected[i]) {
                throw new IllegalStateException(model + ": IOVA 0x" + Long.toHexString(iovas[i]) + " gave 0x"
                        + Long.toHexString(oa) + ", not 0x" + Long.toHexString(expected[i]));
            }
        }
        if (iommu.tlb().size() != PAGES) {
            throw new IllegalStateException(model + ": " + iommu.tlb().size() + " TLB entries after " + PAGES + " walks");
        }
    }

    private void shuffle(Random random, long[] expected) {
        for (int i = PAGES - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(iovas, i, j);
            swap(expected, i, j);
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The TLB emptied before each invocation of the benchmark that uses this state. */
    @State(Scope.Thread)
    public static class EmptyTlb {
        @Setup(Level.Invocation)
        public void zap(ModelBenchmark benchmark) {
            benchmark.tables.zapAll();
            if (benchmark.iommu.tlb().size() != 0) {
                throw new IllegalStateException(benchmark.model + ": ZAP_CACHE left " + benchmark.iommu.tlb().size() + " TLB entries");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void translateTlbHit(Blackhole blackhole) {
        IommuModel m = iommu;
        for (long iova : iovas) {
            blackhole.consume(m.translate(0, iova, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void translateTlbMiss(EmptyTlb empty, Blackhole blackhole) {
        IommuModel m = iommu;
        for (long iova : iovas) {
            blackhole.consume(m.translate(0, iova, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void walkMemoryReads(Blackhole blackhole) {
        SystemMemory mem = memory;
        for (int i = 0; i < PAGES; i++) {
            blackhole.consume(mem.deviceRead(dteAddresses[i], 4));
            blackhole.consume(mem.deviceRead(pteAddresses[i], 4));
        }
    }
}
