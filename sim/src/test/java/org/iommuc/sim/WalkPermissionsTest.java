package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/** Permission rules that read registers and the master (sun50i-like), and a TLB tagged by master. */
class WalkPermissionsTest {

    static final String TEXT = """
            iommu perms {
                iova 32;
                oa 32;
                masters 6;
                registers {
                    CTRL        0x00 rw { EN 0; }
                    TTB         0x04 rw;
                    INV         0x08 wo;
                    DM[2]       0x10 rw;
                    ERR_ADDR[4] 0x30 ro;
                    ERR_DATA[4] 0x40 ro;
                }
                format dte : u32 { valid 1:0 = 1; table 31:10 -> 31:10; }
                format pte : u32 {
                    valid 1 = 1;
                    aci 7:4;
                    page 31:12 -> 31:12;
                    allow read if DM[aci / 2].bit((aci % 2) * 16 + 2 * master) == 0;
                    allow write if DM[aci / 2].bit((aci % 2) * 16 + 2 * master + 1) == 0;
                }
                walk {
                    root TTB;
                    level dt index iova 31:20 : dte table;
                    level pt index iova 19:12 : pte leaf 4K;
                }
                tlb { caches leaf; tagged iova, master; }
                behaviour {
                    on write CTRL.EN == 1 { translation on; }
                    on write INV { invalidate tlb master(value); }
                }
                fault permission { ERR_ADDR[master] = iova; ERR_DATA[master] = entry; }
            }
            """;

    final Description d = TestDescriptions.compile(TEXT);
    final IommuEngine model = Interpreter.model(d);
    final RecordingTrace trace = new RecordingTrace();
    final Entries entries = new Entries(d, model);

    WalkPermissionsTest() {
        model.setTrace(trace);
        entries.put(0x10_0000 + 4 * 3, entries.encode("dte", 0x20_0400, null));
        entries.put(0x20_0400 + 4 * 5, entries.build("pte", Map.of("page", 0x7_0000L, "aci", 1L)));
        entries.put(0x20_0400 + 4 * 6, entries.build("pte", Map.of("page", 0x8_0000L, "aci", 7L)));
        model.mmioWrite(0x04, 32, 0x10_0000);
        model.mmioWrite(0x10, 32, 1L << 18);
        model.mmioWrite(0x00, 32, 1);
    }

    @Test
    void theDomainRegisterDecidesPerMasterAndTheTlbIsTaggedByMaster() {
        assertThat(model.translate(0, 0x30_5010, false)).isEqualTo(0x7_0010);
        assertThat(model.translate(1, 0x30_5010, false)).as("bit 16 + 2 * 1").isEqualTo(IommuModel.FAULT);
        assertThat(model.mmioRead(0x34, 32)).isEqualTo(0x30_5010);
        assertThat(model.mmioRead(0x44, 32)).isEqualTo(0x7_0012);
        assertThat(trace.text()).contains("tlb fill m0 0x305000/4K").contains("tlb fill m1 0x305000/4K");
    }

    @Test
    void aTlbHitIsCheckedAgainstTheRegistersOfNow() {
        model.translate(0, 0x30_5000, false);
        model.mmioWrite(0x10, 32, 1L << 16);
        int mark = trace.events().size();
        assertThat(model.translate(0, 0x30_5000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(WalkTesting.lines(trace, mark)).containsExactly("dma m0 read 0x305000 -> permission fault at level 1, abort");
        assertThat(model.mmioRead(0x30, 32)).isEqualTo(0x30_5000);
    }

    @Test
    void outOfRangeElementsReadZeroAndAreNotWritten() {
        assertThat(model.translate(2, 0x30_6000, true)).as("DM[3] reads 0: allowed").isEqualTo(0x8_0000);
        model.mmioWrite(0x10, 32, 1L << 27);
        assertThat(model.translate(5, 0x30_5000, true)).as("master 5: bit 16 + 10 + 1").isEqualTo(IommuModel.FAULT);
        for (long offset = 0x30; offset < 0x50; offset += 4) {
            assertThat(model.mmioRead(offset, 32)).as("ERR_*[5] is out of range: the arrays have 4 elements for 6 masters").isZero();
        }
    }

    @Test
    void invalidationByMasterKeepsTheOtherMasters() {
        model.translate(0, 0x30_5000, false);
        model.translate(2, 0x30_5000, false);
        model.mmioWrite(0x08, 32, 2);
        assertThat(trace.text()).contains("invalidate tlb master(0x2, 0x0): 1 removed");
        assertThat(model.tlb().size()).isEqualTo(1);
    }
}
