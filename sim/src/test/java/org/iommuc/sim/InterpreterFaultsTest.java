package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.TranslationMode;
import org.junit.jupiter.api.Test;

/** Fault handlers, stalls, resume and abort, reset, power loss and interrupt lines. */
class InterpreterFaultsTest {

    static final String TEXT = """
            iommu faults {
                iova 32;
                oa 32;
                masters 2;
                power loses all except ROOT;
                registers {
                    ROOT       0x00 rw;
                    CMD        0x04 wo {
                        OP 2:0 enum { ENABLE = 0, DISABLE = 1, STALL = 2, UNSTALL = 3, ZAP = 4, DONE = 5, ABORT = 6, RESET = 7 }
                    }
                    STATUS     0x08 ro { PAGING 0; FAULT 1; STALLED 2; WRITE 5; }
                    FAULT_ADDR 0x0C ro;
                    RAW        0x10 ro { PF 0; BUS 1; }
                    CLEAR      0x14 w1c clears RAW { PF 0; BUS 1; }
                    MASK       0x18 rw reset 3;
                    BLAME      0x1C ro;
                    SEEN[2]    0x20 ro;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 {
                    valid 0 = 1;
                    writable 1;
                    page 31:12 -> 31:12;
                    prot write -> writable = 1;
                    allow write if writable;
                }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                tlb { caches leaf; }
                behaviour {
                    on write CMD.OP == ENABLE { translation on; STATUS.PAGING = 1; }
                    on write CMD.OP == DISABLE { translation block; STATUS.PAGING = 0; }
                    on write CMD.OP == STALL { stall on; STATUS.STALLED = 1; }
                    on write CMD.OP == UNSTALL { stall off; STATUS.STALLED = 0; }
                    on write CMD.OP == ZAP { invalidate tlb all; }
                    on write CMD.OP == DONE { fault resume; STATUS.FAULT = 0; }
                    on write CMD.OP == ABORT { fault abort; STATUS.FAULT = 0; }
                    on write CMD.OP == RESET { reset; }
                }
                fault translation at l1 if master == 1 { BLAME = 0x11; abort; }
                fault translation, permission {
                    FAULT_ADDR = iova;
                    STATUS.FAULT = 1;
                    STATUS.WRITE = write;
                    RAW.PF = 1;
                    SEEN[master] = SEEN[master] + 1;
                    stall;
                }
                fault bus { RAW.BUS = 1; }
                interrupt fault_irq = RAW.PF & MASK != 0;
                interrupt bus_irq = RAW.BUS == 1 && MASK & 2 != 0;
            }
            """;

    private final Description d = TestDescriptions.compile(TEXT);
    private final IommuEngine model = Interpreter.model(d);
    private final RecordingTrace trace = new RecordingTrace();
    private final Entries entries = new Entries(d, model);

    InterpreterFaultsTest() {
        model.setTrace(trace);
        entries.put(0x10000, entries.encode("pde", 0x11000, null));
        entries.put(0x11004, entries.encode("pte", 0x5_0000, "r"));
        model.mmioWrite(0x00, 32, 0x10000);
        command(0);
    }

    private void command(long op) {
        assertThat(model.mmioWrite(0x04, 32, op)).isTrue();
    }

    private long read(long offset) {
        return model.mmioRead(offset, 32);
    }

    @Test
    void aStallingFaultHoldsTrafficUntilResumedAndTheRetryTranslates() {
        assertThat(model.translate(0, 0x2345, true)).isEqualTo(IommuModel.FAULT);
        assertThat(model.faultPending()).isTrue();
        assertThat(read(0x08)).as("FAULT and WRITE").isEqualTo(0b100011);
        assertThat(read(0x0C)).isEqualTo(0x2345);
        assertThat(model.interrupt(0)).isTrue();
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.STALLED);
        entries.put(0x11008, entries.encode("pte", 0x6_0000, "w"));
        command(5);
        assertThat(model.faultPending()).isFalse();
        assertThat(read(0x08) & 2).isZero();
        assertThat(trace.text()).contains("dma m0 write 0x2345 -> translation fault at level 1, stall\n",
                "dma m0 read 0x1000 -> stalled", "fault resume\n", "dma m0 write 0x2345 -> 0x60345 (walk)");
    }

    @Test
    void abortEndsTheStalledTransaction() {
        model.translate(0, 0x1000, true);
        assertThat(model.translate(0, 0x1000, false)).as("the permission fault still waits").isEqualTo(IommuModel.STALLED);
        command(6);
        assertThat(model.faultPending()).isFalse();
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(0x5_0000);
        assertThat(trace.text()).contains("permission fault at level 1, stall").contains("fault abort");
        assertThat(read(0x20)).as("SEEN[0]").isEqualTo(1);
    }

    @Test
    void theFirstMatchingHandlerRecordsAndTheDefaultActionIsAbort() {
        assertThat(model.translate(1, 0x40_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(read(0x1C)).isEqualTo(0x11);
        assertThat(read(0x24)).as("the second handler did not run").isZero();
        assertThat(model.faultPending()).isFalse();
        assertThat(model.translate(1, 0x3000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(read(0x24)).as("at l2: the guarded handler does not apply").isEqualTo(1);
        command(6);
        model.mmioWrite(0x00, 32, 0xFFFF_FFFFL);
        assertThat(model.translate(1, 0xFFC0_0000L, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.BUS);
        assertThat(trace.text()).contains("bus fault at level 0, abort");
        assertThat(model.interrupt(1)).isTrue();
    }

    @Test
    void aFaultNoHandlerNamesIsUnhandledAndRecordsNothing() {
        assertThat(model.translate(0, 0x1_0000_0000L, false)).isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).contains("address fault, unhandled");
        assertThat(read(0x0C)).isZero();
        assertThat(read(0x10)).isZero();
    }

    @Test
    void stallHoldsAndBlockRefuses() {
        command(2);
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.STALLED);
        command(3);
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(0x5_0000);
        command(1);
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BLOCK);
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.BLOCKED);
    }

    @Test
    void resetEffectRestoresEverything() {
        model.translate(0, 0x1000, false);
        model.translate(0, 0x9000, false);
        command(7);
        assertThat(model.faultPending()).isFalse();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(read(0x00)).isZero();
        assertThat(read(0x08)).isZero();
        assertThat(model.tlb().size()).isZero();
        assertThat(model.interrupt(0)).isFalse();
        assertThat(trace.text()).contains("reset\n").contains("interrupt fault_irq deasserted");
    }

    @Test
    void powerLossKeepsOnlyWhatTheDescriptionSays() {
        model.mmioWrite(0x18, 32, 0);
        model.translate(0, 0x1000, false);
        model.powerOff();
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.BLOCKED);
        assertThat(model.mmioWrite(0x18, 32, 1)).isFalse();
        model.powerOn();
        assertThat(read(0x00)).as("ROOT kept").isEqualTo(0x10000);
        assertThat(read(0x18)).as("MASK back to reset").isEqualTo(3);
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.tlb().size()).isZero();
        assertThat(trace.text()).contains("power off", "the instance is powered off", "power on");
    }

    @Test
    void interruptLinesFollowTheirConditionsAndTheClearRegister() {
        model.translate(0, 0x9000, false);
        command(6);
        assertThat(model.interrupt(0)).isTrue();
        model.mmioWrite(0x18, 32, 0);
        assertThat(model.interrupt(0)).as("masked").isFalse();
        model.mmioWrite(0x18, 32, 1);
        model.mmioWrite(0x14, 32, 1);
        assertThat(model.interrupt(0)).isFalse();
        assertThat(trace.text()).containsSubsequence("interrupt fault_irq asserted", "interrupt fault_irq deasserted",
                "interrupt fault_irq asserted", "mmio write CLEAR", "interrupt fault_irq deasserted");
    }
}
