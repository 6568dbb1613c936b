package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.junit.jupiter.api.Test;

/** Empty slots that point at a shared dummy table and page (IPU3-like): the walk never faults. */
class WalkSharedEmptiesTest {

    static final String TEXT = """
            iommu dummies {
                iova 32;
                oa 39;
                translation on;
                registers { L1_PHYS 0x04 rw { PFN 26:0; } TLB_INV 0x00 wo { INV 0; } }
                format l1pte : u32 { reserved 31:27; table 26:0 -> 38:12; }
                format l2pte : u32 { reserved 31:27; page 26:0 -> 38:12; }
                walk {
                    root L1_PHYS.PFN << 12;
                    level l1 index iova 31:22 : l1pte table;
                    level l2 index iova 21:12 : l2pte leaf 4K;
                    shared dummy_page page 4K;
                    shared dummy_l2 table l2;
                    empty l1 = l1pte(table = dummy_l2);
                    empty l2 = l2pte(page = dummy_page);
                    walker uncached;
                }
                tlb { caches leaf, invalid; }
                behaviour { on write TLB_INV.INV == 1 { invalidate tlb all; } }
            }
            """;

    final Description d = TestDescriptions.compile(TEXT);
    final IommuEngine model = Interpreter.model(d);
    final Entries entries = new Entries(d, model);

    WalkSharedEmptiesTest() {
        long l1 = 0x40_0000_0000L;
        long dummyL2 = 0x40_0000_1000L;
        long l2 = 0x40_0000_2000L;
        long dummyPage = 0x7F_FFFF_F000L;
        long emptyL1 = entries.build("l1pte", Map.of("table", dummyL2));
        long emptyL2 = entries.build("l2pte", Map.of("page", dummyPage));
        assertThat(emptyL1).isEqualTo(0x400_0001L);
        for (int i = 0; i < 1024; i++) {
            model.cpuWrite(l1 + 4 * i, 4, emptyL1);
            model.cpuWrite(dummyL2 + 4 * i, 4, emptyL2);
            model.cpuWrite(l2 + 4 * i, 4, emptyL2);
        }
        model.cpuWrite(l1 + 4 * 3, 4, entries.build("l1pte", Map.of("table", l2)));
        model.cpuWrite(l2 + 4 * 7, 4, entries.build("l2pte", Map.of("page", 0x12_3456_7000L)));
        model.mmioWrite(0x04, 32, l1 >>> 12);
    }

    @Test
    void translatesFromResetAndUnmappedIovasReachTheDummyPage() {
        assertThat(model.translate(0, 0xC0_7ABC, false)).isEqualTo(0x12_3456_7ABCL);
        assertThat(model.translate(0, 0xC0_8ABC, true)).isEqualTo(0x7F_FFFF_FABCL);
        assertThat(model.translate(0, 0xFFFF_FFFFL, true)).isEqualTo(0x7F_FFFF_FFFFL);
    }

    @Test
    void theTlbKeepsTheDummyTranslationUntilInvalidated() {
        model.translate(0, 0xC0_9000, false);
        model.cpuWrite(0x40_0000_2000L + 4 * 9, 4, entries.build("l2pte", Map.of("page", 0x5000L)));
        assertThat(model.translate(0, 0xC0_9000, false)).isEqualTo(0x7F_FFFF_F000L);
        model.mmioWrite(0x00, 32, 1);
        assertThat(model.translate(0, 0xC0_9000, false)).isEqualTo(0x5000);
    }
}
