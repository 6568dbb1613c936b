package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/** A three-level walk behind a fixed-index level, with a walk cache that keeps empty entries. */
class WalkThreeLevelsTest {

    static final String TEXT = """
            iommu walk3 {
                iova 32;
                oa 40 tables 32;
                registers {
                    CTRL   0x00 rw { EN 0; }
                    PTA    0x04 rw;
                    WC_INV 0x08 wo;
                }
                format pta : u64 { mode 9:0 default 0; table 31:10 -> 31:10; }
                format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12, 11:4 -> 39:32; }
                walk {
                    root PTA;
                    level pta index 0 size 4K align 4K : pta table;
                    level dt index iova 31:22 : dte table;
                    level pt index iova 21:12 : pte leaf 4K;
                    walker coherent;
                }
                tlb { caches leaf; }
                walkcache { caches dt, invalid; }
                behaviour {
                    on write CTRL.EN == 1 { translation on; }
                    on write WC_INV { invalidate walkcache page(value); invalidate tlb page(value); }
                }
            }
            """;

    final Description d = TestDescriptions.compile(TEXT);
    final IommuEngine model = Interpreter.model(d);
    final RecordingTrace trace = new RecordingTrace();
    final Entries entries = new Entries(d, model);

    WalkThreeLevelsTest() {
        model.setTrace(trace);
        entries.put(0x20000, 8, entries.encode("pta", 0x21000, null));
        entries.put(0x2100C, entries.encode("dte", 0x22000, null));
        entries.put(0x2200C, entries.encode("pte", 0xAB_1234_5000L, null));
        entries.put(0x22010, entries.encode("pte", 0x1_0000_0000L, null));
        model.mmioWrite(0x04, 32, 0x20000);
        model.mmioWrite(0x00, 32, 1);
    }

    @Test
    void theFixedLevelReadsEntryZeroAndHighAddressBitsComeFromTheirSlice() {
        assertThat(entries.encode("pte", 0xAB_1234_5000L, null)).isEqualTo(0x1234_5AB1L);
        int mark = trace.events().size();
        assertThat(model.translate(0, 0xC0_3456, false)).isEqualTo(0xAB_1234_5456L);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly(
                "walk level 0 read 0x20000 = 0x21000",
                "walk level 1 read 0x2100C = 0x22001",
                "walkcache fill m0 0xC00000/4096K -> 0x22000",
                "walk level 2 read 0x2200C = 0x12345AB1",
                "tlb fill m0 0xC03000/4K -> 0xAB12345000",
                "dma m0 read 0xC03456 -> 0xAB12345456 (walk)");
    }

    @Test
    void aWalkCacheHitSkipsTheLevelsRead() {
        model.translate(0, 0xC0_3000, false);
        int mark = trace.events().size();
        assertThat(model.translate(0, 0xC0_4008, true)).isEqualTo(0x1_0000_0008L);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly(
                "walk level 0 read 0x20000 = 0x21000",
                "walk level 2 read 0x22010 = 0x11",
                "tlb fill m0 0xC04000/4K -> 0x100000000",
                "dma m0 write 0xC04008 -> 0x100000008 (walk)");
    }

    @Test
    void aCachedEmptyTableEntryFaultsWithoutAReadUntilInvalidated() {
        assertThat(model.translate(0, 0x100_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).contains("walkcache fill m0 0x1000000/4096K empty")
                .doesNotContain("tlb fill m0 0x1000000");
        entries.put(0x21010, entries.encode("dte", 0x22000, null));
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x100_3000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly(
                "walk level 0 read 0x20000 = 0x21000",
                "dma m0 read 0x1003000 -> translation fault at level 1, unhandled");
        model.mmioWrite(0x08, 32, 0x100_3000);
        assertThat(model.translate(0, 0x100_3000, false)).isEqualTo(0xAB_1234_5000L);
    }
}
