package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.iommu.DemoModel;
import com.example.iommu.DemoPte;
import com.example.iommu.DemoRegisters;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.PhysicalMemory;
import org.junit.jupiter.api.Test;

/** The generated model, programmed as a driver programs the hardware. */
class DemoModelTest {

    private static final long TABLE = 0x10_0000L;

    @Test
    void translatesFaultsAndBypasses() {
        DemoModel model = new DemoModel(new PhysicalMemory(32), true);
        assertEquals(0x1234_5678L, model.translate(0, 0x1234_5678L, false), "bypass at reset");

        long slot = TABLE + 4 * (0x1234_5678L >>> 12);
        model.cpuWrite(slot, 4, DemoPte.encode(0x8765_4000L, true, false));
        model.clean(slot, 4);
        model.mmioWrite(DemoRegisters.ROOT_OFFSET, 32, TABLE);
        model.mmioWrite(DemoRegisters.CONTROL_OFFSET, 32, DemoRegisters.CONTROL_ENABLE_MASK);

        assertEquals(0x8765_4678L, model.translate(0, 0x1234_5678L, false));
        assertEquals(IommuModel.FAULT, model.translate(0, 0x1234_5678L, true), "the page is read-only");
        assertEquals(0x1234_5678L, model.mmioRead(DemoRegisters.FAULT_ADDR_OFFSET, 32));
        assertTrue(model.interrupt(DemoModel.IRQ_LINE));
        model.mmioWrite(DemoRegisters.STATUS_OFFSET, 32, DemoRegisters.STATUS_FAULT_MASK);
        assertFalse(model.interrupt(DemoModel.IRQ_LINE));

        model.mmioWrite(DemoRegisters.CONTROL_OFFSET, 32, 0);
        assertEquals(0x1234_5678L, model.translate(0, 0x1234_5678L, true), "bypass after disable");
    }
}
