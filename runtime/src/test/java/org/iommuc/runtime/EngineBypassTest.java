package org.iommuc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The per-transaction bypass ({@code bypass if}): while translation is on, a transaction the
 * model's {@link IommuEngine#bypasses} hook lets through passes untranslated, without the
 * aperture, the TLB or the walk; other transactions translate as before.
 */
class EngineBypassTest {

    static final int CTRL = 0;
    static final int ROOT = 1;
    static final int BYPASS = 2;
    static final long TABLE = 0x10000;

    /**
     * Four masters, a 32-bit IOVA, a 30-bit output address, an aperture 0x1000 ..= 0xFFF_FFFF, one
     * flat level of 32-bit entries (bit 0 valid, bits 29:12 address) at ROOT, CTRL bit 0 enable
     * (else block), and BYPASS with bit m: master m bypasses, as sun50i's BYPASS register.
     */
    static final class BypassModel extends IommuEngine {

        int asked;

        BypassModel(boolean bypassing) {
            super(new ModelConfig("bypass", 32, 30, 0x1000, 0xFFF_FFFFL, new int[] {12}, true, false, 0, 0,
                    TranslationMode.BLOCK, false, new String[0], WalkerView.COHERENT, 4),
                    RegisterMap.builder().add("CTRL", 0x00, 32, 0).add("ROOT", 0x04, 32, 0).add("BYPASS", 0x08, 32, 0)
                            .build(),
                    new SystemMemory(new PhysicalMemory(30), WalkerView.COHERENT), true, bypassing);
        }

        @Override
        protected void onWrite(int slot, long value) {
            if (slot == CTRL) {
                setTranslation((value & 1) != 0 ? TranslationMode.ON : TranslationMode.BLOCK);
            }
        }

        @Override
        protected boolean bypasses(int master, long iova, boolean write) {
            asked++;
            return (reg(BYPASS) >>> master & 1) == 1;
        }

        @Override
        protected long walk(int master, long iova, boolean write) {
            long entry = readEntry(0, reg(ROOT) + (iova >>> 12) * 4, 4);
            if ((entry & 1) == 0) {
                return fault(FaultKind.TRANSLATION, 0, entry);
            }
            long page = entry & 0x3FFF_F000L;
            fillTlb(master, iova, 12, page, entry, 0, 0, false);
            return page | (iova & 0xFFF);
        }

        @Override
        protected boolean permits(long entry, int kind, int master, boolean write, long iova) {
            return true;
        }

        @Override
        protected FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level,
                long entry) {
            return FaultAction.ABORT;
        }

        @Override
        protected long interruptLines() {
            return 0;
        }
    }

    private final RecordingTrace trace = new RecordingTrace();

    private BypassModel enabled(boolean bypassing, long bypassMask) {
        BypassModel m = new BypassModel(bypassing);
        m.setTrace(trace);
        m.cpuWrite(TABLE + 5 * 4, 4, 0x70_0000 | 1);
        m.mmioWrite(0x04, 32, TABLE);
        m.mmioWrite(0x08, 32, bypassMask);
        m.mmioWrite(0x00, 32, 1);
        return m;
    }

    private long walkReads() {
        return trace.events().stream().filter(e -> e instanceof Event.WalkRead).count();
    }

    @Test
    void onlyTheMasterWhoseBitIsSetBypasses() {
        BypassModel m = enabled(true, 0b0010);
        assertThat(m.translate(1, 0x5123, true)).isEqualTo(0x5123);
        assertThat(walkReads()).as("a bypassed transaction walks nothing").isZero();
        assertThat(m.tlb().size()).as("and caches nothing").isZero();
        assertThat(trace.text()).contains("dma m1 write 0x5123 -> 0x5123 (bypass)");
        for (int master : new int[] {0, 2, 3}) {
            assertThat(m.translate(master, 0x5123, false)).as("master %d translates", master).isEqualTo(0x70_0123);
        }
        assertThat(m.tlb().size()).as("one entry per translating master (tagged by master)").isEqualTo(3);
        assertThat(m.translate(1, 0x5123, false)).as("still bypassing with the others' entries cached")
                .isEqualTo(0x5123);
    }

    @Test
    void aBypassedTransactionSkipsTheApertureButNotTheOutputWidth() {
        BypassModel m = enabled(true, 0b0100);
        assertThat(m.translate(2, 0x0, false)).as("below the aperture").isEqualTo(0x0);
        assertThat(m.translate(0, 0x0, false)).isEqualTo(IommuModel.FAULT);
        assertThat(m.translate(2, 0x3FFF_FFFFL, false)).as("the last output address").isEqualTo(0x3FFF_FFFFL);
        assertThat(m.translate(2, 0x4000_0000L, false)).as("beyond the 30-bit output").isEqualTo(IommuModel.BUS_ERROR);
        assertThat(trace.text()).contains("dma m2 read 0x40000000 -> bus error");
        assertThat(walkReads()).isZero();
    }

    @Test
    void theBypassRegisterIsReadPerTransaction() {
        BypassModel m = enabled(true, 0);
        assertThat(m.translate(3, 0x5000, false)).isEqualTo(0x70_0000);
        m.mmioWrite(0x08, 32, 0b1000);
        assertThat(m.translate(3, 0x5000, false)).as("the cached entry is not used").isEqualTo(0x5000);
        m.mmioWrite(0x08, 32, 0);
        assertThat(m.translate(3, 0x5000, false)).isEqualTo(0x70_0000);
        assertThat(trace.text()).contains("dma m3 read 0x5000 -> 0x700000 (tlb)");
    }

    @Test
    void theHookIsAskedOnlyWhileTranslating() {
        BypassModel m = enabled(true, 0b1111);
        m.mmioWrite(0x00, 32, 0);
        assertThat(m.translate(0, 0x5000, false)).as("block wins").isEqualTo(IommuModel.BLOCKED);
        assertThat(m.asked).isZero();
        m.mmioWrite(0x00, 32, 1);
        assertThat(m.translate(0, 0x5000, false)).isEqualTo(0x5000);
        assertThat(m.asked).isEqualTo(1);
    }

    @Test
    void aModelBuiltWithoutBypassingNeverAsks() {
        BypassModel m = enabled(false, 0b1111);
        assertThat(m.translate(1, 0x5123, false)).isEqualTo(0x70_0123);
        assertThat(m.asked).isZero();
    }
}
