package org.iommuc.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.SystemMemory;
import org.iommuc.sim.Operation;
import org.iommuc.sim.Operations;
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
 *       the same DTE and PTE addresses), with nothing else, each pair free to overlap.</li>
 *   <li>{@link #walkMemoryReadsDependent}: the same reads, each PTE read waiting for its DTE read
 *       as a walk's does: the floor a walk is compared with.</li>
 *   <li>{@link #randomOperations}: the differential test's workload, {@value #OPERATIONS} of
 *       sim's seeded random operations (MMIO writes and reads that run the behaviour rules, DMA,
 *       page-table writes with and without cleaning, power) on a fresh model: the "same
 *       operations" the generated model and the interpreter are compared on.</li>
 * </ul>
 *
 * Times are per translation (per pair of reads), in nanoseconds. {@link ModelReport} runs this for
 * every kind and prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = ModelReport.WARMUPS, time = ModelReport.ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = ModelReport.ITERATIONS, time = ModelReport.ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class ModelBenchmark {

    /** Operations of the random workload per invocation. */
    public static final int OPERATIONS = 10_000;

    /** Pages translated per batch: four page tables of 256 pages each. */
    public static final int PAGES = 1024;
    private static final int PAGES_PER_TABLE = 256;
    private static final long TABLES = 0x12_3400_0000L;
    private static final long FIRST_PAGE = 0xAB_CDE0_0000L;
    private static final long GIB = 1L << 30;

    /** One model of a kind, enabled, with the pages mapped and every page in the TLB. */
    @State(Scope.Thread)
    public static class Rockchip {
        @Param({"baseline", "generated", "interpreter"})
        public String model;

        IommuModel iommu;
        SystemMemory memory;
        RockchipV2Tables tables;
        final long[] iovas = new long[PAGES];
        final long[] dteAddresses = new long[PAGES];
        final long[] pteAddresses = new long[PAGES];
        /** Always 0, and not final: {@link #walkMemoryReadsDependent} chains its reads with it. */
        long zero;

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
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * A model as {@link Rockchip} sets it up, whose TLB is emptied (COMMAND = ZAP_CACHE) before
     * each invocation of the benchmark that uses it. (A state of its own: a JMH helper method
     * that asks for another state gets a second instance of it, not the benchmark's.)
     */
    @State(Scope.Thread)
    public static class EmptyTlb extends Rockchip {
        @Setup(Level.Invocation)
        public void zap() {
            tables.zapAll();
            if (iommu.tlb().size() != 0) {
                throw new IllegalStateException(model + ": ZAP_CACHE left " + iommu.tlb().size() + " TLB entries");
            }
        }
    }

    /** Sim's random operations for the description, and a fresh model of a kind for each invocation. */
    @State(Scope.Thread)
    public static class Workload {
        @Param({"baseline", "generated", "interpreter"})
        public String model;

        List<Operation> operations;
        IommuModel iommu;

        @Setup(Level.Trial)
        public void operations() {
            operations = Operations.random(RockchipV2Description.get(), 42, OPERATIONS);
        }

        @Setup(Level.Invocation)
        public void freshModel() {
            iommu = Models.create(model);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public void randomOperations(Workload workload, Blackhole blackhole) {
        IommuModel m = workload.iommu;
        for (Operation op : workload.operations) {
            op.applyTo(m);
        }
        blackhole.consume(m.tlb().size());
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void translateTlbHit(Rockchip rockchip, Blackhole blackhole) {
        IommuModel m = rockchip.iommu;
        for (long iova : rockchip.iovas) {
            blackhole.consume(m.translate(0, iova, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void translateTlbMiss(EmptyTlb rockchip, Blackhole blackhole) {
        IommuModel m = rockchip.iommu;
        if (m.tlb().size() != 0) {
            throw new IllegalStateException("the TLB is not empty: the zap went to another model");
        }
        for (long iova : rockchip.iovas) {
            blackhole.consume(m.translate(0, iova, false));
        }
    }

    /**
     * The two reads of each walk as {@link #walkMemoryReads} does them, but each PTE read waits
     * for its DTE read, as in a walk (whose PTE address comes from the DTE): the address is
     * {@code pte + (dte & zero)} with {@code zero} a field the compiler cannot fold, so the CPU
     * cannot start a PTE read before its DTE value arrives. Nothing of the walk's decoding is
     * done; the dependency costs one AND and one ADD.
     */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void walkMemoryReadsDependent(Rockchip rockchip, Blackhole blackhole) {
        SystemMemory mem = rockchip.memory;
        long[] dtes = rockchip.dteAddresses;
        long[] ptes = rockchip.pteAddresses;
        long zero = rockchip.zero;
        for (int i = 0; i < PAGES; i++) {
            long dte = mem.deviceRead(dtes[i], 4);
            blackhole.consume(mem.deviceRead(ptes[i] + (dte & zero), 4));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void walkMemoryReads(Rockchip rockchip, Blackhole blackhole) {
        SystemMemory mem = rockchip.memory;
        long[] dtes = rockchip.dteAddresses;
        long[] ptes = rockchip.pteAddresses;
        for (int i = 0; i < PAGES; i++) {
            blackhole.consume(mem.deviceRead(dtes[i], 4));
            blackhole.consume(mem.deviceRead(ptes[i], 4));
        }
    }
}
