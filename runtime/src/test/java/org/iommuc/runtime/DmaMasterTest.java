package org.iommuc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmaMasterTest {

    private final ToyModel model = new ToyModel(true, false);
    private final IommuEngineTest.ToyModelDriver driver = new IommuEngineTest.ToyModelDriver(model);
    private final DmaMaster master = new DmaMaster(model, 0);

    @Test
    void writesAndReadsThroughTheTranslation() {
        driver.enable();
        driver.map(0x5000, 0x7_0000, true, true);
        DmaMaster.Result w = master.write(0x5010, 4, 0xCAFEF00DL);
        assertThat(w.ok()).isTrue();
        assertThat(w.transferred()).isEqualTo(4);
        assertThat(model.memory().deviceRead(0x7_0010, 4)).isEqualTo(0xCAFEF00DL);
        assertThat(master.read(0x5010, 4).value()).isEqualTo(0xCAFEF00DL);
    }

    @Test
    void anAccessAcrossAPageBoundaryIsTwoTransactionsAndStopsAtAFault() {
        driver.enable();
        driver.map(0x5000, 0x7_0000, true, true);
        DmaMaster.Result r = master.write(0x5FFC, new byte[8]);
        assertThat(r.status()).isEqualTo(IommuModel.FAULT);
        assertThat(r.transferred()).as("the first page only").isEqualTo(4);
        driver.map(0x6000, 0x9_0000, true, true);
        model.mmioWrite(0x08, 32, 0xFFFF_FFFFL);
        assertThat(master.write(0x5FFC, 8, -1L).ok()).isTrue();
        assertThat(model.memory().deviceRead(0x9_0000, 4)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void bypassWritesThePhysicalAddressAndReadOnlyPagesRefuseWrites() {
        assertThat(master.write(0x1234, 2, 0xBEEF).ok()).isTrue();
        assertThat(model.memory().deviceRead(0x1234, 2)).isEqualTo(0xBEEF);
        driver.enable();
        driver.map(0x5000, 0x7_0000, false, true);
        assertThat(master.write(0x5000, 4, 1).status()).isEqualTo(IommuModel.FAULT);
        assertThat(model.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
        assertThat(master.read(0x5000, 4).ok()).isTrue();
    }

    @Test
    void aRedirectedAccessMovesItsDataAtTheRedirectAddress() {
        driver.enable();
        model.redirectFaultsTo(0x3_0000);
        DmaMaster.Result w = master.write(0x9010, 4, 0x1234_5678L);
        assertThat(w.ok()).isTrue();
        assertThat(w.status()).isEqualTo(0x3_0000);
        assertThat(model.memory().deviceRead(0x3_0000, 4)).isEqualTo(0x1234_5678L);
        assertThat(model.memory().deviceRead(0x9010, 4)).as("nothing at the IOVA").isZero();
        assertThat(master.read(0xA000, 4).value()).as("a redirected read reads the buffer")
                .isEqualTo(0x1234_5678L);
    }
}
