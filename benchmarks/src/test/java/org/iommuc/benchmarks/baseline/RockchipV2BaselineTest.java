package org.iommuc.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.benchmarks.RockchipV2Tables.COMMAND;
import static org.iommuc.benchmarks.RockchipV2Tables.DTE_ADDR;
import static org.iommuc.benchmarks.RockchipV2Tables.INT_STATUS;
import static org.iommuc.benchmarks.RockchipV2Tables.PAGE_FAULT_ADDR;
import static org.iommuc.benchmarks.RockchipV2Tables.STATUS;
import static org.iommuc.benchmarks.RockchipV2Tables.ZAP_ONE_LINE;

import java.lang.management.ManagementFactory;
import org.iommuc.benchmarks.RockchipV2Tables;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.Trace;
import org.iommuc.runtime.TranslationMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baseline driven as the Linux driver drives the hardware: enabled by MMIO, tables above
 * 4 GiB written with rk_mk_dte_v2 / rk_mk_pte_v2 and cleaned, pages at 40-bit addresses.
 */
class RockchipV2BaselineTest {

    /** Tables above 4 GiB; the directory's DTE is the facts' vector rk_mk_dte_v2(0x1_2345_6000) = 0x23456101. */
    private static final long TABLES = 0x1_2345_6000L;
    private static final long IOVA = 0x1000_0000L;
    private static final long PAGE = 0xAB_CDEF_1000L;

    private final RockchipV2Baseline model = new RockchipV2Baseline();
    private final RecordingTrace trace = new RecordingTrace();
    private final RockchipV2Tables tables = new RockchipV2Tables(model, TABLES);

    @BeforeEach
    void traced() {
        model.setTrace(trace);
    }

    private String events() {
        String text = trace.text();
        trace.clear();
        return text;
    }

    private void enabled() {
        assertThat(tables.enable()).isTrue();
        trace.clear();
    }

    @Test
    void resetsToBypassAndIdle() {
        assertThat(model.translate(0, 0xDEAD_B000L, true)).isEqualTo(0xDEAD_B000L);
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.mmioRead(STATUS, 32)).isEqualTo(0x8000_0018L);
        assertThat(model.mmioRead(COMMAND, 32)).as("write-only").isZero();
        assertThat(events()).contains("dma m0 write 0xDEADB000 -> 0xDEADB000 (bypass)");
    }

    @Test
    void enableProgramsTheDirectoryAsTheDriverDoes() {
        assertThat(tables.enable()).isTrue();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.ON);
        assertThat(model.stalled()).isFalse();
        assertThat(model.mmioRead(DTE_ADDR, 32)).isEqualTo(0x2345_6101L);
        assertThat(model.mmioRead(STATUS, 32) & 0x7).as("paging enabled, no fault, no stall").isEqualTo(1);
        assertThat(model.mmioRead(RockchipV2Tables.INT_MASK, 32)).isEqualTo(3);
        assertThat(events()).isEqualTo("""
                1: mmio read STATUS @0x4 -> 0x80000018
                2: mmio write DTE_ADDR @0x0 = 0xCAFEB000
                3: mmio read DTE_ADDR @0x0 -> 0xCAFEB000
                4: mmio write COMMAND @0x8 = 0x6
                5: reset
                6: mmio read DTE_ADDR @0x0 -> 0x0
                7: mmio write DTE_ADDR @0x0 = 0x23456101
                8: mmio write COMMAND @0x8 = 0x4
                9: invalidate tlb all(0x0, 0x0): 0 removed
                10: mmio write INT_MASK @0x1C = 0x3
                11: mmio read STATUS @0x4 -> 0x80000018
                12: mmio write COMMAND @0x8 = 0x0
                13: translation on
                14: mmio read STATUS @0x4 -> 0x80000019
                15: mmio read STATUS @0x4 -> 0x80000019
                16: mmio read DTE_ADDR @0x0 -> 0x23456101
                17: mmio read STATUS @0x4 -> 0x80000019
                18: mmio read INT_MASK @0x1C -> 0x3
                """);
    }

    @Test
    void enableAgainStallsFirstBecausePagingIsOn() {
        enabled();
        assertThat(tables.enable()).isTrue();
        assertThat(events()).startsWith("""
                1: mmio read STATUS @0x4 -> 0x80000019
                2: mmio write COMMAND @0x8 = 0x2
                3: stall on
                4: mmio read STATUS @0x4 -> 0x1D
                """);
        assertThat(model.stalled()).isFalse();
    }

    @Test
    void enableStallIsIgnoredWhilePagingIsOff() {
        model.mmioWrite(COMMAND, 32, RockchipV2Tables.CMD_ENABLE_STALL);
        assertThat(model.stalled()).isFalse();
        assertThat(model.mmioRead(STATUS, 32)).isEqualTo(0x8000_0018L);
    }

    @Test
    void translatesByWalkingThenFromTheTlb() {
        enabled();
        tables.map(IOVA, PAGE, 2, true, true);
        trace.clear();
        assertThat(model.translate(0, IOVA + 0x123, false)).isEqualTo(PAGE + 0x123);
        assertThat(model.translate(0, IOVA + 0x1FFF, true)).isEqualTo(PAGE + 0x1FFF);
        assertThat(model.translate(0, IOVA + 0x456, true)).isEqualTo(PAGE + 0x456);
        assertThat(events()).isEqualTo("""
                1: walk level 0 read 0x123456100 = 0x23457101
                2: walk level 1 read 0x123457000 = 0xCDEF1BA7
                3: tlb fill m0 0x10000000/4K -> 0xABCDEF1000
                4: dma m0 read 0x10000123 -> 0xABCDEF1123 (walk)
                5: walk level 0 read 0x123456100 = 0x23457101
                6: walk level 1 read 0x123457004 = 0xCDEF2BA7
                7: tlb fill m0 0x10001000/4K -> 0xABCDEF2000
                8: dma m0 write 0x10001FFF -> 0xABCDEF2FFF (walk)
                9: dma m0 write 0x10000456 -> 0xABCDEF1456 (tlb)
                """);
    }

    @Test
    void mapWritesEntriesCleansThemAndZapsFirstAndLast() {
        enabled();
        tables.map(IOVA, PAGE, 3, true, false);
        assertThat(events()).isEqualTo("""
                1: cpu write 0x123456100 = 0x23457101 (4 bytes)
                2: clean 0x123456100 +4
                3: cpu write 0x123457000 = 0xCDEF1BA3 (4 bytes)
                4: cpu write 0x123457004 = 0xCDEF2BA3 (4 bytes)
                5: cpu write 0x123457008 = 0xCDEF3BA3 (4 bytes)
                6: clean 0x123457000 +12
                7: mmio write ZAP_ONE_LINE @0x10 = 0x10000000
                8: invalidate tlb page(0x10000000, 0x0): 0 removed
                9: mmio write ZAP_ONE_LINE @0x10 = 0x10002000
                10: invalidate tlb page(0x10002000, 0x0): 0 removed
                """);
    }

    @Test
    void unmapWithoutZapLeavesAStaleTranslationUntilTheZap() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        assertThat(model.translate(0, IOVA, false)).isEqualTo(PAGE);
        tables.unmap(IOVA, 1);
        assertThat(model.memory().deviceRead(tables.pteAddress(IOVA), 4)).as("only bit 0 cleared").isEqualTo(0xCDEF_1BA6L);
        trace.clear();
        assertThat(model.translate(0, IOVA + 8, false)).as("stale TLB entry").isEqualTo(PAGE + 8);
        tables.zap(IOVA, 1);
        assertThat(model.translate(0, IOVA + 8, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.TRANSLATION);
        assertThat(events()).isEqualTo("""
                1: dma m0 read 0x10000008 -> 0xABCDEF1008 (tlb)
                2: mmio write ZAP_ONE_LINE @0x10 = 0x10000000
                3: invalidate tlb page(0x10000000, 0x0): 1 removed
                4: walk level 0 read 0x123456100 = 0x23457101
                5: walk level 1 read 0x123457000 = 0xCDEF1BA6
                6: tlb fill m0 0x10000000/4K empty
                7: dma m0 read 0x10000008 -> translation fault at level 1, stall
                8: interrupt irq asserted
                """);
    }

    @Test
    void pageFaultStallsUntilPageFaultDone() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        long missing = IOVA + 0x5000;
        assertThat(model.translate(0, missing + 0x10, true)).isEqualTo(IommuModel.FAULT);
        assertThat(model.faultPending()).isTrue();
        assertThat(model.interrupt(0)).isTrue();
        assertThat(model.mmioRead(PAGE_FAULT_ADDR, 32)).isEqualTo(missing + 0x10);
        assertThat(model.mmioRead(STATUS, 32) & 0x23).as("paging, fault active, write").isEqualTo(0x23);
        assertThat(model.mmioRead(INT_STATUS, 32)).isEqualTo(1);
        assertThat(model.translate(0, IOVA, false)).as("held behind the fault").isEqualTo(IommuModel.STALLED);

        tables.map(missing, PAGE + 0x5000, 1, true, true);
        assertThat(events()).as("map zaps the cached empty entry").contains("invalidate tlb page(0x10005000, 0x0): 1 removed");
        assertThat(tables.handleFault()).isEqualTo(missing + 0x10);
        assertThat(model.faultPending()).isFalse();
        assertThat(model.interrupt(0)).isFalse();
        assertThat(model.mmioRead(STATUS, 32) & 0x2).as("fault no longer active").isZero();
        assertThat(events()).isEqualTo("""
                1: mmio read INT_STATUS @0x20 -> 0x1
                2: mmio read PAGE_FAULT_ADDR @0xC -> 0x10005010
                3: mmio read STATUS @0x4 -> 0x8000003B
                4: mmio write COMMAND @0x8 = 0x4
                5: invalidate tlb all(0x0, 0x0): 0 removed
                6: mmio write COMMAND @0x8 = 0x5
                7: fault resume
                8: walk level 0 read 0x123456100 = 0x23457101
                9: walk level 1 read 0x123457014 = 0xCDEF6BA7
                10: tlb fill m0 0x10005000/4K -> 0xABCDEF6000
                11: dma m0 write 0x10005010 -> 0xABCDEF6010 (walk)
                12: mmio write INT_CLEAR @0x18 = 0x1
                13: interrupt irq deasserted
                14: mmio read STATUS @0x4 -> 0x80000039
                """);
        assertThat(model.translate(0, IOVA, false)).isEqualTo(PAGE);
    }

    /**
     * PAGE_FAULT_DONE clears PAGE_FAULT_ACTIVE and replays the transaction; a replay that faults
     * again is recorded afresh. But rk_iommu_irq writes back the INT_STATUS it read before, after
     * PAGE_FAULT_DONE: that clears the new fault's interrupt too, so the replayed fault stays
     * stalled with nobody told (a race in the driver's order, which the model makes deterministic).
     */
    @Test
    void faultAgainOnReplayIsRecordedButItsInterruptIsClearedByTheDriver() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        assertThat(model.translate(0, IOVA + 0x1000, false)).isEqualTo(IommuModel.FAULT);
        trace.clear();
        assertThat(tables.handleFault()).isEqualTo(IOVA + 0x1000);
        assertThat(events()).contains("""
                7: fault resume
                8: walk level 0 read 0x123456100 = 0x23457101
                9: walk level 1 read 0x123457004 = 0x0
                10: tlb fill m0 0x10001000/4K empty
                11: dma m0 read 0x10001000 -> translation fault at level 1, stall
                12: mmio write INT_CLEAR @0x18 = 0x1
                13: interrupt irq deasserted
                """);
        assertThat(model.faultPending()).isTrue();
        assertThat(model.interrupt(0)).isFalse();
        assertThat(model.mmioRead(STATUS, 32) & 0x2).as("PAGE_FAULT_ACTIVE").isEqualTo(0x2);
    }

    @Test
    void cachedEmptyEntryHidesANewMappingUntilZapped() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        long next = IOVA + 0x1000;
        assertThat(model.translate(0, next, false)).isEqualTo(IommuModel.FAULT);
        model.cpuWrite(tables.pteAddress(next), 4, RockchipV2Tables.mkPte(PAGE + 0x1000, true, true));
        model.clean(tables.pteAddress(next), 4);
        trace.clear();
        model.mmioWrite(COMMAND, 32, RockchipV2Tables.CMD_PAGE_FAULT_DONE);
        assertThat(events()).as("the retry hits the cached empty entry: no walk").isEqualTo("""
                1: mmio write COMMAND @0x8 = 0x5
                2: fault resume
                3: dma m0 read 0x10001000 -> translation fault at level 1, stall
                """);
        model.mmioWrite(ZAP_ONE_LINE, 32, next);
        model.mmioWrite(COMMAND, 32, RockchipV2Tables.CMD_PAGE_FAULT_DONE);
        assertThat(events()).contains("dma m0 read 0x10001000 -> 0xABCDEF2000 (walk)");
        assertThat(model.faultPending()).isFalse();
    }

    @Test
    void emptyDirectoryEntryCoversAWholePageTable() {
        enabled();
        long far = 0x8000_0000L;
        assertThat(model.translate(0, far + 0x3000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(events()).contains("""
                1: walk level 0 read 0x123456800 = 0x0
                2: tlb fill m0 0x80000000/4096K empty
                3: dma m0 read 0x80003000 -> translation fault at level 0, stall
                """);
        assertThat(model.tlb().lookup(0, far + 0x3F_F000L, RockchipV2Baseline.DT_COVER_SHIFT)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void permissionFaultRecordsTheDirection() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, false);
        assertThat(model.translate(0, IOVA, false)).isEqualTo(PAGE);
        assertThat(model.translate(0, IOVA, true)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
        assertThat(model.mmioRead(STATUS, 32) & RockchipV2Tables.STATUS_PAGE_FAULT_IS_WRITE).isNotZero();
        assertThat(events()).contains("dma m0 write 0x10000000 -> permission fault at level 1, stall");
    }

    @Test
    void uncleanedEntryIsInvisibleToTheWalker() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        long next = IOVA + 0x1000;
        model.cpuWrite(tables.pteAddress(next), 4, RockchipV2Tables.mkPte(PAGE, true, true));
        trace.clear();
        assertThat(model.translate(0, next, false)).isEqualTo(IommuModel.FAULT);
        assertThat(events()).contains("walk level 1 read 0x123457004 = 0x0 (stale: CPU write not cleaned)");
    }

    @Test
    void iovaBeyond32BitsIsAnAddressFaultNothingRecords() {
        enabled();
        assertThat(model.translate(0, 1L << 32, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.ADDRESS);
        assertThat(model.faultPending()).isFalse();
        assertThat(model.mmioRead(INT_STATUS, 32)).isZero();
        assertThat(events()).contains("dma m0 read 0x100000000 -> address fault, unhandled");
    }

    @Test
    void fortyBitTablesAndPages() {
        RockchipV2Tables top = new RockchipV2Tables(model, 0xFF_FFF0_0000L);
        assertThat(top.enable()).isTrue();
        top.map(0xFFFF_F000L, 0xFF_FFFF_F000L, 1, true, true);
        top.map(0, 0xF0_0000_0000L, 1, true, true);
        assertThat(model.mmioRead(DTE_ADDR, 32)).isEqualTo(0xFFF0_0FF1L);
        assertThat(model.translate(0, 0xFFFF_FFFFL, true)).isEqualTo(0xFF_FFFF_FFFFL);
        assertThat(model.translate(0, 0x7FF, false)).isEqualTo(0xF0_0000_07FFL);
    }

    @Test
    void forceResetReturnsEveryRegisterToReset() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        model.translate(0, IOVA, false);
        model.mmioWrite(COMMAND, 32, RockchipV2Tables.CMD_FORCE_RESET);
        assertThat(model.mmioRead(DTE_ADDR, 32)).isZero();
        assertThat(model.mmioRead(STATUS, 32)).isEqualTo(0x8000_0018L);
        assertThat(model.mmioRead(RockchipV2Tables.INT_MASK, 32)).isZero();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.tlb().size()).isZero();
    }

    @Test
    void powerOffLosesRegistersAndTlb() {
        enabled();
        tables.map(IOVA, PAGE, 1, true, true);
        assertThat(model.translate(0, IOVA, false)).isEqualTo(PAGE);
        trace.clear();
        model.powerOff();
        assertThat(model.translate(0, IOVA, false)).isEqualTo(IommuModel.BLOCKED);
        assertThat(model.mmioRead(STATUS, 32)).isZero();
        tables.zap(IOVA, 1);
        assertThat(events()).isEqualTo("""
                1: power off
                2: dma m0 read 0x10000000 -> blocked
                3: bus error: read @0x4 (32 bits): the instance is powered off
                """);
        model.powerOn();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.mmioRead(DTE_ADDR, 32)).isZero();
        assertThat(model.mmioRead(STATUS, 32)).isEqualTo(0x8000_0018L);
        assertThat(model.tlb().size()).isZero();
        assertThat(model.translate(0, IOVA, false)).as("bypass after power-on").isEqualTo(IOVA);
        assertThat(tables.enable()).as("resume re-runs enable").isTrue();
        trace.clear();
        assertThat(model.translate(0, IOVA, false)).isEqualTo(PAGE);
        assertThat(events()).contains("(walk)");
    }

    @Test
    void disableTurnsPagingOffAndClearsTheDirectory() {
        enabled();
        assertThat(tables.disable()).isTrue();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.mmioRead(DTE_ADDR, 32)).isZero();
        assertThat(model.stalled()).isFalse();
    }

    @Test
    void translationAllocatesNothing() {
        model.setTrace(Trace.OFF);
        tables.enable();
        tables.map(0, PAGE, 1024, true, true);
        long[] total = new long[1];
        Runnable pass = () -> {
            tables.zapAll();
            for (long iova = 0; iova < 1024 * 4096L; iova += 4096) {
                total[0] += model.translate(0, iova, false);
                total[0] += model.translate(0, iova + 8, false);
            }
        };
        for (int i = 0; i < 20; i++) {
            pass.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < 20; i++) {
            pass.run();
        }
        long allocated = allocatedBytes() - before;
        // One 16-byte object per translation would be 1.3 MB; the JVM itself allocates a little
        // now and then (a few hundred bytes to a few KiB over the whole loop).
        assertThat(allocated).as("bytes allocated by 40960 walks and 40960 TLB hits").isLessThan(64 * 1024);
        assertThat(total[0]).isNotZero();
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
