package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.runtime.Event;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/** The interpreter's {@code bypass if}: evaluated per transaction while translation is on. */
class InterpreterBypassTest {

    /**
     * Four masters, 32-bit IOVA, 30-bit output, one flat level at BASE, CTRL bit 0 turns
     * translation on; BYPASS bit m lets master m bypass, and so does any write to 0xF000_0000 and up.
     */
    private static final String TEXT = """
            iommu t {
                iova 32;
                oa 30;
                masters 4;
                aperture 0x1000 ..= 0xFFFF_FFFF;
                registers {
                    BASE 0x00 rw;
                    CTRL 0x04 rw { ENABLE 0; }
                    BYPASS 0x08 rw { MASTER 3:0; }
                }
                bypass if BYPASS.MASTER >> master & 1 == 1 || write && iova >= 0xF000_0000;
                format pte : u32 { valid 0 = 1; page 29:12 -> 29:12; }
                walk {
                    root BASE;
                    level pt index iova 31:12 : pte leaf 4K;
                    walker coherent;
                }
                tlb { caches leaf; tagged iova, master; }
                behaviour {
                    on write CTRL.ENABLE == 1 { translation on; }
                    on write CTRL.ENABLE == 0 { translation block; }
                    on write BASE { invalidate tlb all; }
                }
            }
            """;

    private final RecordingTrace trace = new RecordingTrace();

    private IommuEngine enabled(long bypass) {
        IommuEngine m = Interpreter.model(TestDescriptions.compile(TEXT), new SimOptions(true));
        m.setTrace(trace);
        m.cpuWrite(0x10_0000 + 5 * 4, 4, 0x70_0000 | 1);
        m.mmioWrite(0x00, 32, 0x10_0000);
        m.mmioWrite(0x08, 32, bypass);
        m.mmioWrite(0x04, 32, 1);
        return m;
    }

    private long walkReads() {
        return trace.events().stream().filter(e -> e instanceof Event.WalkRead).count();
    }

    @Test
    void theMasterWhoseBitIsSetBypassesAndTheOthersTranslate() {
        IommuEngine m = enabled(0b0100);
        assertThat(m.translate(2, 0x5123, false)).isEqualTo(0x5123);
        assertThat(walkReads()).isZero();
        assertThat(m.tlb().size()).isZero();
        assertThat(m.translate(0, 0x5123, false)).isEqualTo(0x70_0123);
        assertThat(m.translate(3, 0x5123, true)).isEqualTo(0x70_0123);
        assertThat(trace.text()).contains("dma m2 read 0x5123 -> 0x5123 (bypass)")
                .contains("dma m0 read 0x5123 -> 0x700123 (walk)");
    }

    @Test
    void theConditionSeesTheDirectionAndTheIova() {
        IommuEngine m = enabled(0);
        assertThat(m.translate(0, 0xF000_0000L, false)).as("a read translates: no entry").isEqualTo(IommuModel.FAULT);
        assertThat(m.translate(0, 0x3000_0000L, true)).as("below 0xF0000000").isEqualTo(IommuModel.FAULT);
        assertThat(m.translate(0, 0xF000_0000L, true)).as("a write bypasses, beyond the 30-bit output")
                .isEqualTo(IommuModel.BUS_ERROR);
        assertThat(trace.text()).contains("dma m0 write 0xF0000000 -> bus error");
    }

    @Test
    void noApertureCheckForABypassedTransactionAndNoneAskedWhileBlocked() {
        IommuEngine m = enabled(0b0001);
        assertThat(m.translate(0, 0x0, false)).as("below the aperture").isEqualTo(0x0);
        assertThat(m.translate(1, 0x0, false)).isEqualTo(IommuModel.FAULT);
        m.mmioWrite(0x04, 32, 0);
        assertThat(m.translate(0, 0x5000, false)).as("block wins").isEqualTo(IommuModel.BLOCKED);
    }
}
