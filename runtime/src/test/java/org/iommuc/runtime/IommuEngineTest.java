package org.iommuc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IommuEngineTest {

    private final ToyModel model = new ToyModel(true, false);
    private final RecordingTrace trace = new RecordingTrace();

    ToyModelDriver driver() {
        model.setTrace(trace);
        return new ToyModelDriver(model);
    }

    /** The toy's page tables live at 0x10000 (root) and 0x11000 (one level-2 table). */
    static final class ToyModelDriver {
        final ToyModel m;

        ToyModelDriver(ToyModel m) {
            this.m = m;
        }

        void enable() {
            m.cpuWrite(0x10000, 4, 0x11000 | 1);
            m.clean(0x10000, 4);
            m.mmioWrite(0x04, 32, 0x10000);
            m.mmioWrite(0x00, 32, 1);
        }

        void map(long iova, long pa, boolean writable, boolean clean) {
            long pte = 0x11000 + ((iova >>> 12) & 0x3FF) * 4;
            m.cpuWrite(pte, 4, pa | (writable ? 3 : 1));
            if (clean) {
                m.clean(pte, 4);
            }
        }

        void unmap(long iova) {
            long pte = 0x11000 + ((iova >>> 12) & 0x3FF) * 4;
            m.cpuWrite(pte, 4, 0);
            m.clean(pte, 4);
        }
    }

    @Test
    void resetsToBypassAndRefusesOutputAddressesBeyondTheWidth() {
        driver();
        assertThat(model.translate(0, 0x1234, false)).isEqualTo(0x1234);
        assertThat(model.translate(0, 0x1_0000_0000L, false)).isEqualTo(IommuModel.BUS_ERROR);
        assertThat(trace.text()).contains("dma m0 read 0x1234 -> 0x1234 (bypass)").contains("bus error");
    }

    @Test
    void registerAccessSemantics() {
        driver();
        model.mmioWrite(0x10, 32, 0xFFFF);
        assertThat(model.mmioRead(0x10, 32)).as("read-only ignores writes").isZero();
        model.mmioWrite(0x08, 32, 0x1234);
        assertThat(model.mmioRead(0x08, 32)).as("write-only reads 0").isZero();
        assertThat(model.mmioRead(0x40, 32)).isZero();
        assertThat(model.mmioWrite(0x40, 32, 1)).isFalse();
        assertThat(model.mmioWrite(0x00, 16, 1)).isFalse();
        assertThat(trace.text()).contains("bus error: write @0x40 (32 bits): no register at this offset")
                .contains("bus error: write @0x0 (16 bits): CTRL is 32 bits wide");
    }

    @Test
    void uncleanedPteIsInvisibleToTheNonCoherentWalker() {
        ToyModelDriver d = driver();
        d.enable();
        d.map(0x5000, 0x7_0000, true, false);
        assertThat(model.translate(0, 0x5123, false)).isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).contains("(stale: CPU write not cleaned)").contains("translation fault at level 1, abort");
        model.mmioWrite(0x0C, 32, 1);
        model.clean(0x11000 + 5 * 4, 4);
        assertThat(model.translate(0, 0x5123, false)).as("still the cached empty entry").isEqualTo(IommuModel.FAULT);
        model.mmioWrite(0x08, 32, 0x5000);
        assertThat(model.translate(0, 0x5123, false)).isEqualTo(0x7_0123);
    }

    @Test
    void strictTlbKeepsAStaleTranslationUntilInvalidated() {
        ToyModelDriver d = driver();
        d.enable();
        d.map(0x5000, 0x7_0000, true, true);
        assertThat(model.translate(0, 0x5000, true)).isEqualTo(0x7_0000);
        d.unmap(0x5000);
        assertThat(model.translate(0, 0x5008, true)).as("stale TLB entry").isEqualTo(0x7_0008);
        assertThat(trace.events().get(trace.events().size() - 1).toString()).endsWith("(tlb)");
        model.mmioWrite(0x08, 32, 0x5000);
        assertThat(model.translate(0, 0x5008, true)).isEqualTo(IommuModel.FAULT);
    }

    @Test
    void permissionsAreCheckedOnWalkAndOnTlbHit() {
        ToyModelDriver d = driver();
        d.enable();
        d.map(0x6000, 0x8_0000, false, true);
        assertThat(model.translate(0, 0x6000, false)).isEqualTo(0x8_0000);
        assertThat(model.translate(0, 0x6000, true)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
        assertThat(model.interrupt(0)).isTrue();
        assertThat(model.mmioRead(0x14, 32)).as("computed register").isEqualTo(1);
        model.mmioWrite(0x0C, 32, 1);
        assertThat(model.interrupt(0)).isFalse();
        assertThat(trace.text()).contains("interrupt irq asserted").contains("interrupt irq deasserted");
    }

    @Test
    void addressesOutsideTheIovaWidthFault() {
        ToyModelDriver d = driver();
        d.enable();
        assertThat(model.translate(0, 0x1_0000_0000L, false)).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.ADDRESS);
    }

    @Test
    void aStalledFaultHoldsTrafficUntilResumed() {
        ToyModel stalling = new ToyModel(true, true);
        stalling.setTrace(trace);
        ToyModelDriver d = new ToyModelDriver(stalling);
        d.enable();
        assertThat(stalling.translate(0, 0x9000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(stalling.faultPending()).isTrue();
        assertThat(stalling.translate(0, 0x1000, false)).isEqualTo(IommuModel.STALLED);
        d.map(0x9000, 0xA_0000, true, true);
        stalling.mmioWrite(0x08, 32, 0xFFFF_FFFFL);
        stalling.mmioWrite(0x0C, 32, 1);
        assertThat(stalling.faultPending()).isFalse();
        assertThat(trace.text()).contains("fault resume").contains("dma m0 read 0x9000 -> 0xA0000 (walk)");
    }

    @Test
    void stallHoldsNewTransactions() {
        ToyModelDriver d = driver();
        d.enable();
        model.mmioWrite(0x00, 32, 3);
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.STALLED);
        model.mmioWrite(0x00, 32, 1);
        assertThat(model.translate(0, 0x1000, false)).isEqualTo(IommuModel.FAULT);
    }

    @Test
    void powerOffLosesStateAndRefusesAccess() {
        ToyModelDriver d = driver();
        d.enable();
        d.map(0x5000, 0x7_0000, true, true);
        model.translate(0, 0x5000, false);
        model.powerOff();
        assertThat(model.translate(0, 0x5000, false)).isEqualTo(IommuModel.BLOCKED);
        assertThat(model.mmioWrite(0x00, 32, 1)).isFalse();
        model.powerOn();
        assertThat(model.mmioRead(0x04, 32)).as("ROOT lost").isZero();
        assertThat(model.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(model.tlb().size()).isZero();
        assertThat(trace.text()).contains("power off").contains("powered off").contains("power on");
    }

    @Test
    void capacityModeEvictsTheLeastRecentlyUsed() {
        ToyModel bounded = new ToyModel(false, false);
        ToyModelDriver d = new ToyModelDriver(bounded);
        d.enable();
        for (int i = 0; i < 8; i++) {
            d.map(0x1000L * (i + 1), 0x20000L + 0x1000L * i, true, true);
            bounded.translate(0, 0x1000L * (i + 1), false);
        }
        assertThat(bounded.tlb().size()).isEqualTo(4);
        assertThat(bounded.tlb().lookup(0, 0x8000, 12)).isNotNegative();
        assertThat(bounded.tlb().lookup(0, 0x1000, 12)).isNegative();
    }

    @Test
    void aRedirectedFaultCompletesAtTheHandlersAddressAndUpdatesTheInterrupt() {
        ToyModelDriver d = driver();
        d.enable();
        model.redirectFaultsTo(0x2_0080);
        assertThat(model.translate(0, 0x9123, true)).isEqualTo(0x2_0080);
        assertThat(model.faultPending()).as("neither stalled").isFalse();
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.TRANSLATION);
        assertThat(model.interrupt(0)).as("the handler raised the fault bit").isTrue();
        assertThat(trace.text()).as("the interrupt follows the transaction").containsPattern(
                "dma m0 write 0x9123 -> translation fault at level 1, redirect to 0x20080\n\\d+: interrupt irq asserted");
        assertThat(model.mmioRead(0x10, 32)).as("the handler's effects ran").isEqualTo(0x9123);
        assertThat(model.translate(0, 0x9000, false)).as("the cached empty entry redirects too")
                .isEqualTo(0x2_0080);
    }

    @Test
    void aRedirectBeyondTheOutputWidthIsABusError() {
        ToyModelDriver d = driver();
        d.enable();
        model.redirectFaultsTo(0x1_0000_0000L);
        assertThat(model.translate(0, 0x9000, false)).isEqualTo(IommuModel.BUS_ERROR);
        assertThat(trace.text()).contains("dma m0 read 0x9000 -> bus error").doesNotContain("redirect");
        assertThat(model.interrupt(0)).as("the handler ran all the same").isTrue();
    }

    @Test
    void traceReadsLikeALog() {
        ToyModelDriver d = driver();
        d.enable();
        d.map(0x5000, 0x7_0000, true, true);
        model.translate(0, 0x5004, false);
        assertThat(trace.text()).contains(
                "mmio write ROOT @0x4 = 0x10000",
                "translation on",
                "walk level 0 read 0x10000 = 0x11001",
                "walk level 1 read 0x11014 = 0x70003",
                "tlb fill m0 0x5000/4K -> 0x70000",
                "dma m0 read 0x5004 -> 0x70004 (walk)");
    }
}
