package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.DmaMaster;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/**
 * The edges of the engine's semantics that random operations rarely reach: a master the IOMMU
 * does not have, a table pointer that wraps past 2^64, a resume while stall is on, a masked
 * invalidation of a block larger than a page, pages smaller than 4 KiB, and memory accesses of
 * a size memory does not have.
 */
class EngineEdgesTest {

    static final String TEXT = """
            iommu edges {
                iova 32;
                oa 40;
                masters 2;
                registers width 64 {
                    ROOT     0x00 rw;
                    CMD      0x08 wo { OP 2:0 enum { ENABLE = 0, STALL = 1, UNSTALL = 2, RESUME = 3 } }
                    INV_ADDR 0x10 rw;
                    INV_MASK 0x18 rw;
                    INV      0x20 wo;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                tlb { caches leaf, invalid; tagged iova, master; }
                behaviour {
                    on write CMD.OP == ENABLE { translation on; }
                    on write CMD.OP == STALL { stall on; }
                    on write CMD.OP == UNSTALL { stall off; }
                    on write CMD.OP == RESUME { fault resume; }
                    on write INV { invalidate tlb masked(INV_ADDR, INV_MASK); }
                }
                fault translation { stall; }
                fault bus { abort; }
            }
            """;

    private final Description d = TestDescriptions.compile(TEXT);
    private final IommuEngine model = Interpreter.model(d);
    private final RecordingTrace trace = new RecordingTrace();
    private final Entries entries = new Entries(d, model);

    EngineEdgesTest() {
        model.setTrace(trace);
        model.mmioWrite(0x00, 64, 0x10000);
        model.mmioWrite(0x08, 64, 0);
    }

    @Test
    void aMasterTheIommuDoesNotHaveIsABusError() {
        entries.put(0x10000, entries.encode("pde", 0x11000, null));
        entries.put(0x11004, entries.encode("pte", 0x5_0000, null));
        assertThat(model.translate(1, 0x1000, false)).isEqualTo(0x5_0000);
        assertThat(model.translate(2, 0x1000, false)).isEqualTo(IommuModel.BUS_ERROR);
        assertThat(model.translate(-1, 0x1000, false)).isEqualTo(IommuModel.BUS_ERROR);
        assertThat(model.translate(64, 0x1000, false)).isEqualTo(IommuModel.BUS_ERROR);
        assertThat(model.tlb().size()).as("nothing cached for them").isEqualTo(1);
        assertThat(trace.text()).contains("dma m2 read 0x1000 -> bus error");
    }

    @Test
    void aTablePointerThatWrapsPastTheTopIsABusFault() {
        // entry 0x41 of a table at 2^64 - 0x100 would be at 0x4 after the wrap, where a valid PDE sits
        entries.put(0x4, entries.encode("pde", 0x11000, null));
        model.mmioWrite(0x00, 64, 0xFFFF_FFFF_FFFF_FF00L);
        assertThat(model.translate(0, 0x41L << 22, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.BUS);
        assertThat(trace.text()).contains("bus fault at level 0").doesNotContain("walk read");
    }

    @Test
    void aResumeWhileStalledRetriesTheTransactionWhenTheStallEnds() {
        assertThat(model.translate(0, 0x2000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.faultPending()).isTrue();
        entries.put(0x10000, entries.encode("pde", 0x11000, null));
        entries.put(0x11008, entries.encode("pte", 0x6_0000, null));
        model.mmioWrite(0x18, 64, 0);
        model.mmioWrite(0x20, 64, 1);
        model.mmioWrite(0x08, 64, 1);
        model.mmioWrite(0x08, 64, 3);
        assertThat(model.faultPending()).as("still waiting: the IOMMU is stalled").isTrue();
        model.mmioWrite(0x08, 64, 3);
        model.mmioWrite(0x08, 64, 2);
        assertThat(model.faultPending()).isFalse();
        assertThat(model.translate(0, 0x2000, false)).isEqualTo(0x6_0000);
        assertThat(trace.text()).containsSubsequence("stall on", "fault resume", "stall off", "dma m0 read 0x2000 -> 0x60000 (walk)")
                .containsOnlyOnce("fault resume");
    }

    @Test
    void aMaskedInvalidationRemovesABlockHoldingAMatchingPage() {
        assertThat(model.translate(0, 0x40_1000, false)).as("l1[1] empty").isEqualTo(IommuModel.FAULT);
        assertThat(model.tlb().size()).as("the empty 4 MiB block is cached").isEqualTo(1);
        entries.put(0x10004, entries.encode("pde", 0x12000, null));
        entries.put(0x12004, entries.encode("pte", 0x7_0000, null));
        model.mmioWrite(0x10, 64, 0x40_1000);
        model.mmioWrite(0x18, 64, 0xFFFF_F000L);
        model.mmioWrite(0x20, 64, 1);
        assertThat(model.tlb().size()).isZero();
        model.mmioWrite(0x08, 64, 3);
        assertThat(model.faultPending()).as("the retry walked the new tables").isFalse();
        assertThat(model.translate(0, 0x40_1000, false)).isEqualTo(0x7_0000);
    }

    @Test
    void memoryAccessesAreOneToEightBytes() {
        assertThatThrownBy(() -> model.cpuWrite(0x1000, 16, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a memory access is 1 to 8 bytes, not 16");
        assertThatThrownBy(() -> model.memory().deviceRead(0x1000, 0)).hasMessage("a memory access is 1 to 8 bytes, not 0");
        assertThat(trace.text()).doesNotContain("cpu write");
    }

    @Test
    void aCleanRunningPastTheTopOfTheSpaceCleansToTheTop() {
        IommuEngine wide = Interpreter.model(TestDescriptions.compile(TEXT.replace("oa 40", "oa 63")));
        wide.cpuWrite(0x7FFF_FFFF_FFFF_FFF0L, 8, 0x1234);
        wide.clean(0x7FFF_FFFF_FFFF_FFC0L, -1);
        assertThat(wide.memory().dirtyLines()).isZero();
        assertThat(wide.memory().deviceRead(0x7FFF_FFFF_FFFF_FFF0L, 8)).isEqualTo(0x1234);
    }

    @Test
    void aDmaMasterMovesDataInTheSmallestPagesTheModelMaps() {
        String small = """
                iommu small {
                    iova 32;
                    oa 32;
                    registers { ROOT 0x00 rw; CMD 0x04 wo; }
                    format pte : u32 { valid 0 = 1; page 31:10 -> 31:10; }
                    walk { root ROOT; level pt index iova 31:10 size 16M : pte leaf 1K; }
                    tlb { caches leaf; }
                    behaviour { on write CMD { translation on; invalidate tlb all; } }
                }
                """;
        Description s = TestDescriptions.compile(small);
        IommuEngine m = Interpreter.model(s);
        Entries e = new Entries(s, m);
        m.mmioWrite(0x00, 32, 0x100_0000);
        e.put(0x100_0000, e.encode("pte", 0x5000, null));
        e.put(0x100_0004, e.encode("pte", 0x9000, null));
        m.mmioWrite(0x04, 32, 1);
        DmaMaster master = new DmaMaster(m, 0);
        assertThat(master.write(0x3FC, 8, 0x1122_3344_5566_7788L).ok()).isTrue();
        assertThat(m.memory().deviceRead(0x53FC, 4)).isEqualTo(0x5566_7788L);
        assertThat(m.memory().deviceRead(0x9000, 4)).as("the second 1 KiB page").isEqualTo(0x1122_3344L);
        assertThat(m.memory().deviceRead(0x5400, 4)).isZero();
    }
}
