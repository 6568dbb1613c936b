package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.iommuc.runtime.IommuEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated translate path allocates nothing: TLB hits, full walks after an invalidation
 * (through the description's own flush command), walk-cache hits, permission checks that read
 * registers, and aborted translation faults with their handlers, measured with the thread's
 * allocation counter over 100,000 translations after a warm-up.
 */
class HotPathAllocationTest {

    private static final int PAGES = 64;
    private static final int TRANSLATIONS = 100_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rockchip-v2.iommu, 0x08, 4", "sun50i-h6.iommu, 0x80, 0x3003F", "mtk-m4u-v1.iommu, 0x5C0, 2"})
    void translatingWalkingAndFaultingAllocatesNothing(String example, long flushOffset, long flushValue) {
        ModelScenarioTest.Scenario s = new ModelScenarioTest.Scenario(example, ModelScenarioTest.IOVA);
        for (int i = 1; i < PAGES; i++) {
            s.driver.map(s.tables.get(0), ModelScenarioTest.IOVA + i * 0x1000L, s.pa + i * 0x1000L);
        }
        s.enable();
        IommuEngine model = s.model;
        boolean faults = !example.startsWith("rockchip"); // rockchip stalls on a fault: every later DMA waits
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long checksum = run(model, TRANSLATIONS, flushOffset, flushValue, faults);
        long before = threads.getCurrentThreadAllocatedBytes();
        checksum += run(model, TRANSLATIONS, flushOffset, flushValue, faults);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(checksum).isNotZero();
        assertThat(allocated).as("bytes allocated by %s translations", TRANSLATIONS).isLessThan(1024);
    }

    /**
     * Reads and writes over the mapped pages; every 64 translations the caches are flushed, so
     * walks happen too; with {@code faults}, every third access is to an unmapped page.
     */
    private static long run(IommuEngine model, int translations, long flushOffset, long flushValue, boolean faults) {
        long sum = 0;
        for (int i = 0; i < translations; i++) {
            if (i % PAGES == 0) {
                model.mmioWrite(flushOffset, 32, flushValue);
            }
            long iova = faults && i % 3 == 0 ? ModelScenarioTest.UNMAPPED : ModelScenarioTest.IOVA + (i % PAGES) * 0x1000L;
            sum += model.translate(0, iova, (i & 1) == 0);
        }
        return sum;
    }
}
