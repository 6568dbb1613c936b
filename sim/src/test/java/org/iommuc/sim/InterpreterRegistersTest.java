package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.RegisterMap;
import org.junit.jupiter.api.Test;

/** Register access semantics and behaviour rules, against hand-computed values. */
class InterpreterRegistersTest {

    static final String TEXT = """
            iommu regs {
                iova 32;
                oa 32;
                registers {
                    CTRL       0x00 rw { EN 0; MODE 2:1 enum { OFF = 0, SLOW = 1, FAST = 2 } }
                    STATUS     0x04 ro { ON 0; MODE 2:1; }
                    CMD        0x08 wo { OP 2:0 enum { GO = 1, ZAP = 4 } }
                    RAW        0x0C ro { F 0; G 1; }
                    CLR        0x10 w1c clears RAW { F 0; G 1; }
                    MASK       0x14 rw;
                    IRQ_STATUS 0x18 ro = RAW & MASK;
                    STICKY     0x1C w1c reset 0xF;
                    SNAP       0x20 rc;
                    KICK       0x24 sc { GO 0; }
                    DONE       0x28 rw;
                    LASTCMD    0x2C rw;
                    IDX        0x30 rw;
                    HIT        0x34 rw;
                    ARR[4]     0x40 stride 8 rw;
                    EXC        0x80 wo view FADDR { EN 0; }
                    FADDR      0x80 ro;
                    MIXED      0x84 rw { LOW 3:0 reset 5; RO_PART 7:4 ro; W1C_PART 8 w1c reset 1; }
                    ROOT       0x88 rw;
                    SEEN       0x8C rw;
                    COUNT      0x90 rw;
                    SMALL      0x94 rw width 16;
                    NARROW     0x98 ro width 8 = MASK << 4;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                behaviour {
                    on write CTRL.EN == 1 { STATUS.ON = 1; STATUS.MODE = value.MODE; }
                    on write CTRL.EN != 1 { STATUS.ON = 0; }
                    on write CMD.OP == GO { RAW = 3; }
                    on write CMD.OP == ZAP { SNAP = 0x77; }
                    on write CMD { LASTCMD = CMD; }
                    on write KICK.GO == 1 if KICK.GO == 1 { DONE = DONE + 1; }
                    on write ARR[2] { HIT = value; }
                    on write IDX { ARR[IDX] = 0x55; }
                    on read SNAP { COUNT = COUNT + 1; }
                    on write CLR.F == 1 { SEEN = SEEN + 1; }
                    on write EXC.EN == 1 { FADDR = 0xABC; }
                    on write HIT == 0x99 { HIT = ARR[IDX] + 1; }
                    on write SEEN == 0x10 { COUNT = 1; }
                    on write SEEN == 0x10 if COUNT == 1 { COUNT = 2; }
                    on write SMALL { SMALL = value ^ 0xFF; }
                }
                interrupt irq = IRQ_STATUS != 0;
            }
            """;

    private final Description description = TestDescriptions.compile(TEXT);
    private final IommuEngine model = Interpreter.model(description);
    private final RecordingTrace trace = new RecordingTrace();

    InterpreterRegistersTest() {
        model.setTrace(trace);
    }

    private long read(long offset) {
        return model.mmioRead(offset, 32);
    }

    private void write(long offset, long value) {
        assertThat(model.mmioWrite(offset, 32, value)).as("write @0x%x", offset).isTrue();
    }

    @Test
    void registerMapFollowsTheLayout() {
        RegisterMap map = model.registers();
        assertThat(map.name(map.readSlot(0x50))).isEqualTo("ARR[2]");
        assertThat(map.readSlot(0x44)).as("stride 8: nothing at 0x44").isNegative();
        assertThat(map.name(map.readSlot(0x80))).isEqualTo("FADDR");
        assertThat(map.name(map.writeSlot(0x80))).isEqualTo("EXC");
        assertThat(map.reset(map.readSlot(0x84))).as("field resets").isEqualTo(0x105);
        assertThat(map.width(map.readSlot(0x94))).isEqualTo(16);
    }

    @Test
    void fieldComparisonsReadTheValueWrittenAndGuardsTheRegistersAfterIt() {
        write(0x00, 0b101);
        assertThat(read(0x04)).as("ON = 1, MODE = value.MODE = FAST").isEqualTo(0b101);
        write(0x00, 0b010);
        assertThat(read(0x04)).as("EN != 1 rule: ON = 0, MODE kept").isEqualTo(0b100);
        write(0x24, 1);
        assertThat(read(0x28)).as("the guard sees the self-clearing bit before it clears").isEqualTo(1);
        assertThat(read(0x24)).as("sc reads 0 after the rules ran").isZero();
    }

    @Test
    void writeOnlyRegistersReadZeroButHardwareSeesTheLatch() {
        write(0x08, 0xF4);
        assertThat(read(0x08)).isZero();
        assertThat(read(0x2C)).as("LASTCMD = CMD (stored bits)").isEqualTo(0xF4);
        assertThat(read(0x20)).as("CMD.OP == ZAP set SNAP").isEqualTo(0x77);
    }

    @Test
    void w1cClearsRcAndStoredBitsBehave() {
        write(0x1C, 0x5);
        assertThat(read(0x1C)).isEqualTo(0xA);
        write(0x08, 4);
        assertThat(read(0x20)).isEqualTo(0x77);
        assertThat(read(0x20)).as("read to clear").isZero();
        assertThat(read(0x90)).as("the on-read rule ran twice").isEqualTo(2);
        write(0x84, 0x1FF);
        assertThat(read(0x84)).as("LOW stored, RO_PART kept, W1C_PART cleared").isEqualTo(0x00F);
        write(0x84, 0xF0A3);
        assertThat(read(0x84)).as("uncovered bits take the register's access").isEqualTo(0xF003);
    }

    @Test
    void clearsTargetComputedRegisterAndInterrupt() {
        write(0x14, 0x2);
        write(0x08, 1);
        assertThat(read(0x0C)).isEqualTo(3);
        assertThat(read(0x18)).as("RAW & MASK").isEqualTo(2);
        assertThat(model.interrupt(0)).isTrue();
        write(0x10, 2);
        assertThat(read(0x0C)).as("CLR clears RAW bit 1").isEqualTo(1);
        assertThat(model.interrupt(0)).isFalse();
        assertThat(read(0x8C)).as("CLR.F == 1 compares the value written, not the stored w1c bits").isZero();
        write(0x10, 1);
        assertThat(read(0x8C)).isEqualTo(1);
        assertThat(trace.text()).contains("interrupt irq asserted").contains("interrupt irq deasserted");
    }

    @Test
    void computedRegisterIsCutToItsWidth() {
        write(0x14, 0xAB);
        assertThat(model.mmioRead(0x98, 8)).isEqualTo(0xB0);
    }

    @Test
    void arrayElementsRulesAndOutOfRangeIndices() {
        write(0x48, 0x11);
        assertThat(read(0x34)).as("a write to ARR[1] does not fire the ARR[2] rule").isZero();
        write(0x50, 0x22);
        assertThat(read(0x34)).isEqualTo(0x22);
        write(0x30, 3);
        assertThat(read(0x58)).as("ARR[IDX] = 0x55 with IDX 3").isEqualTo(0x55);
        write(0x30, 7);
        assertThat(new long[] {read(0x40), read(0x48), read(0x50), read(0x58)}).as("IDX 7 changes nothing")
                .containsExactly(0, 0x11, 0x22, 0x55);
        write(0x34, 0x99);
        assertThat(read(0x34)).as("ARR[7] reads 0").isEqualTo(1);
        write(0x30, -1L);
        assertThat(read(0x30)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void viewPairSplitsReadsAndWrites() {
        assertThat(read(0x80)).isZero();
        write(0x80, 1);
        assertThat(read(0x80)).isEqualTo(0xABC);
        assertThat(trace.text()).contains("mmio write EXC @0x80 = 0x1").contains("mmio read FADDR @0x80 -> 0xABC");
    }

    @Test
    void rulesRunInOrderAndEachSeesWhatTheEarlierDid() {
        write(0x8C, 0x10);
        assertThat(read(0x90)).isEqualTo(2);
    }

    @Test
    void narrowRegistersTakeTheirWidthOnly() {
        assertThat(model.mmioWrite(0x94, 16, 0x1234)).isTrue();
        assertThat(model.mmioRead(0x94, 16)).isEqualTo(0x12CB);
        assertThat(model.mmioWrite(0x94, 32, 1)).isFalse();
        assertThat(trace.text()).contains("SMALL is 16 bits wide");
    }

    @Test
    void unmappedOffsetsAreBusErrors() {
        assertThat(model.mmioWrite(0x1000, 32, 1)).isFalse();
        assertThat(model.mmioRead(0x3, 32)).isZero();
        assertThat(trace.text()).contains("no register at this offset");
    }
}
