package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/** Several kinds per level told apart by tags, sections and contiguous large pages (Exynos-like). */
class WalkKindsTest {

    static final String TEXT = """
            iommu kinds {
                iova 32;
                oa 36;
                registers {
                    CTRL    0x00 rw { EN 0; }
                    PT_BASE 0x0C rw;
                }
                format lv2link : u32 { type 1:0 = 1; table 31:6 -> 35:10; }
                format section : u32 {
                    type 1:0 = 2;
                    perm 5:4 enum { R = 1, W = 2, RW = 3 };
                    page 31:16 -> 35:20;
                    prot read -> perm = R;
                    prot write -> perm = W;
                    prot read | write -> perm = RW;
                    allow read if perm & R != 0;
                    allow write if perm & W != 0;
                }
                format large : u32 {
                    type 1:0 = 1;
                    perm 3:2 enum { R = 1, W = 2, RW = 3 };
                    page 31:12 -> 35:16;
                    prot read -> perm = R;
                    prot write -> perm = W;
                    prot read | write -> perm = RW;
                    allow read if perm & R != 0;
                    allow write if perm & W != 0;
                }
                format small : u32 {
                    type 1:1 = 1;
                    perm 3:2 enum { R = 1, W = 2, RW = 3 };
                    page 31:8 -> 35:12;
                    prot read -> perm = R;
                    prot write -> perm = W;
                    prot read | write -> perm = RW;
                    allow read if perm & R != 0;
                    allow write if perm & W != 0;
                }
                walk {
                    root PT_BASE << 12;
                    level lv1 index iova 31:20 size 16K : lv2link table | section leaf 1M;
                    level lv2 index iova 19:12 size 1K : large leaf 64K contiguous 16 | small leaf 4K;
                    walker noncoherent;
                }
                tlb { caches leaf; }
                behaviour { on write CTRL.EN == 1 { translation on; } }
            }
            """;

    final Description d = TestDescriptions.compile(TEXT);
    final IommuEngine model = Interpreter.model(d);
    final RecordingTrace trace = new RecordingTrace();
    final Entries entries = new Entries(d, model);

    WalkKindsTest() {
        model.setTrace(trace);
        long lv1 = 0x10_0000;
        entries.put(lv1 + 4 * 0x005, entries.encode("section", 0x9_0030_0000L, "rw"));
        entries.put(lv1 + 4 * 0x006, entries.encode("lv2link", 0x20_0400, null));
        entries.put(lv1 + 4 * 0x007, 0x20_0403);
        for (int i = 0x10; i < 0x20; i++) {
            entries.put(0x20_0400 + 4 * i, entries.encode("large", 0x8_1234_0000L, "r"));
        }
        entries.put(0x20_0400 + 4 * 0x25, entries.encode("small", 0x8_7654_3000L, "w"));
        entries.put(0x20_0400 + 4 * 0x26, 0x8765_430FL);
        model.mmioWrite(0x0C, 32, 0x100);
        model.mmioWrite(0x00, 32, 1);
    }

    @Test
    void aSectionLeafAtTheFirstLevel() {
        assertThat(entries.encode("section", 0x9_0030_0000L, "rw")).isEqualTo(0x9003_0032L);
        assertThat(model.translate(0, 0x51_2345, true)).isEqualTo(0x9_0031_2345L);
        assertThat(trace.text()).contains("tlb fill m0 0x500000/1024K -> 0x900300000");
    }

    @Test
    void aContiguousLargePageIsCachedAtItsOwnSize() {
        assertThat(model.translate(0, 0x61_5ABC, false)).isEqualTo(0x8_1234_5ABCL);
        assertThat(trace.text()).contains("tlb fill m0 0x610000/64K -> 0x812340000");
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x61_F000, false)).isEqualTo(0x8_1234_F000L);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly("dma m0 read 0x61F000 -> 0x81234F000 (tlb)");
        assertThat(model.translate(0, 0x61_0000, true)).as("read-only large page").isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
    }

    @Test
    void theFirstKindWhoseTagsMatchWins() {
        assertThat(model.translate(0, 0x62_5123, true)).isEqualTo(0x8_7654_3123L);
        assertThat(model.translate(0, 0x62_6123, true)).as("type 3 is a small page: bit 1 set")
                .isEqualTo(0x8_7654_3123L);
        assertThat(model.translate(0, 0x62_7000, false)).as("type 0 is empty").isEqualTo(IommuModel.FAULT);
        assertThat(model.translate(0, 0x70_0000, false)).as("type 3 on level 1 is empty").isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).contains("dma m0 read 0x700000 -> translation fault at level 0, unhandled");
    }
}
