package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/** A two-level walk: a line of four entries, cached empty entries, stale entries, bus and address faults. */
class WalkTwoLevelsTest {

    static final String TEXT = """
            iommu walk2 {
                iova 32;
                oa 32;
                registers {
                    CTRL        0x00 rw { EN 0; }
                    ROOT        0x04 rw;
                    FLUSH       0x08 wo;
                    FAULT_ADDR  0x0C ro;
                    FAULT_KIND  0x10 ro;
                    FAULT_ENTRY 0x18 ro;
                    HIROOT      0x1C rw;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 {
                    valid 0 = 1;
                    readable 1;
                    writable 2;
                    page 31:12 -> 31:12;
                    prot read -> readable = 1;
                    prot write -> writable = 1;
                    allow read if readable;
                    allow write if writable;
                }
                walk {
                    root ROOT | HIROOT << 32;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                    walker noncoherent;
                }
                tlb { caches leaf, invalid; line 4; }
                behaviour {
                    on write CTRL.EN == 1 { translation on; }
                    on write CTRL.EN == 0 { translation bypass; }
                    on write FLUSH { invalidate tlb page(value); }
                }
                fault translation at l1 { FAULT_ADDR = iova; FAULT_KIND = 1; FAULT_ENTRY = entry; }
                fault translation at l2 { FAULT_ADDR = iova; FAULT_KIND = 2; FAULT_ENTRY = entry; }
                fault permission { FAULT_ADDR = iova; FAULT_KIND = 3 + write; FAULT_ENTRY = entry; }
                fault bus { FAULT_KIND = 5; }
                fault address { FAULT_ADDR = iova; FAULT_KIND = 6; }
            }
            """;

    final Description d = TestDescriptions.compile(TEXT);
    final IommuEngine model = Interpreter.model(d);
    final RecordingTrace trace = new RecordingTrace();
    final Entries entries = new Entries(d, model);

    WalkTwoLevelsTest() {
        model.setTrace(trace);
        entries.put(0x10004, entries.encode("pde", 0x11000, null));
        entries.put(0x11014, entries.encode("pte", 0x7_0000, "rw"));
        entries.put(0x11018, entries.encode("pte", 0x8_0000, "r"));
        model.mmioWrite(0x04, 32, 0x10000);
        model.mmioWrite(0x00, 32, 1);
    }

    long kind() {
        return model.mmioRead(0x10, 32);
    }

    @Test
    void walksBothLevelsAndFillsTheLineOfFour() {
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x40_5123, true)).isEqualTo(0x7_0123);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly(
                "walk level 0 read 0x10004 = 0x11001",
                "walk level 1 read 0x11014 = 0x70007",
                "tlb fill m0 0x405000/4K -> 0x70000",
                "walk level 1 read 0x11010 = 0x0",
                "tlb fill m0 0x404000/4K empty",
                "walk level 1 read 0x11018 = 0x80003",
                "tlb fill m0 0x406000/4K -> 0x80000",
                "walk level 1 read 0x1101C = 0x0",
                "tlb fill m0 0x407000/4K empty",
                "dma m0 write 0x405123 -> 0x70123 (walk)");
    }

    @Test
    void lineNeighboursHitTheTlbAndPermissionsAreCheckedOnEveryHit() {
        model.translate(0, 0x40_5000, false);
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x40_6FFF, false)).isEqualTo(0x8_0FFF);
        assertThat(model.translate(0, 0x40_6000, true)).isEqualTo(IommuModel.FAULT);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly(
                "dma m0 read 0x406FFF -> 0x80FFF (tlb)",
                "dma m0 write 0x406000 -> permission fault at level 1, abort");
        assertThat(kind()).isEqualTo(4);
        assertThat(model.mmioRead(0x18, 32)).isEqualTo(0x80003);
    }

    @Test
    void aCachedEmptyEntryFaultsUntilItsPageIsInvalidated() {
        model.translate(0, 0x40_5000, false);
        entries.put(0x11010, entries.encode("pte", 0x9_0000, "rw"));
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x40_4010, false)).isEqualTo(IommuModel.FAULT);
        assertThat(WalkTesting.lines(trace, mark)).as("no walk").containsExactly(
                "dma m0 read 0x404010 -> translation fault at level 1, abort");
        assertThat(kind()).isEqualTo(2);
        model.mmioWrite(0x08, 32, 0x40_4000);
        assertThat(model.translate(0, 0x40_4010, false)).isEqualTo(0x9_0010);
    }

    @Test
    void anEmptyDirectoryEntryIsCachedForItsWholeSpan() {
        assertThat(model.translate(0, 0x80_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(kind()).isEqualTo(1);
        assertThat(model.mmioRead(0x0C, 32)).isEqualTo(0x80_0000);
        assertThat(trace.text()).contains("tlb fill m0 0x800000/4096K empty");
        int mark = trace.events().size();
        assertThat(model.translate(0, 0xBF_F000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(WalkTesting.lines(trace, mark)).as("no walk").containsExactly("dma m0 read 0xBFF000 -> translation fault at level 0, abort");
    }

    @Test
    void anUncleanedEntryIsInvisibleToTheWalker() {
        model.cpuWrite(0x1101C, 4, entries.encode("pte", 0xA_0000, "r"));
        assertThat(model.translate(0, 0x40_7000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).contains("walk level 1 read 0x1101C = 0x0 (stale: CPU write not cleaned)");
    }

    @Test
    void aTableBeyondTheOutputWidthIsABusFault() {
        model.mmioWrite(0x1C, 32, 1);
        assertThat(model.translate(0, 0x40_5000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.BUS);
        assertThat(kind()).isEqualTo(5);
        assertThat(trace.text()).contains("dma m0 read 0x405000 -> bus fault at level 0, abort").doesNotContain("walk level");
    }

    @Test
    void anIovaBeyondTheInputWidthIsAnAddressFault() {
        assertThat(model.translate(0, 0x1_0000_5000L, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.ADDRESS);
        assertThat(kind()).isEqualTo(6);
        assertThat(model.mmioRead(0x0C, 32)).as("cut to the register").isEqualTo(0x5000);
        assertThat(model.translate(0, -1L, true)).isEqualTo(IommuModel.FAULT);
    }

    @Test
    void bypassPassesTheIovaThrough() {
        model.mmioWrite(0x00, 32, 0);
        assertThat(model.translate(0, 0x1234_5678, false)).isEqualTo(0x1234_5678);
        assertThat(model.translate(0, 0x1_0000_0000L, false)).isEqualTo(IommuModel.BUS_ERROR);
    }
}
