package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.models.Drivers.read;
import static org.iommuc.models.Drivers.write;

import java.util.List;
import org.iommuc.generated.ExynosSysmmuV1Model;
import org.iommuc.generated.ExynosSysmmuV1Registers;
import org.iommuc.generated.ExynosSysmmuV1Small;
import org.iommuc.generated.ExynosSysmmuV5Model;
import org.iommuc.generated.ExynosSysmmuV5Registers;
import org.iommuc.generated.ExynosSysmmuV7VmModel;
import org.iommuc.generated.ExynosSysmmuV7VmRegisters;
import org.iommuc.generated.Ipu3MmuL1pte;
import org.iommuc.generated.Ipu3MmuL2pte;
import org.iommuc.generated.Ipu3MmuModel;
import org.iommuc.generated.Ipu3MmuRegisters;
import org.iommuc.generated.MtkM4uV1Model;
import org.iommuc.generated.MtkM4uV1Registers;
import org.iommuc.generated.RockchipV1Model;
import org.iommuc.generated.RockchipV1Registers;
import org.iommuc.generated.RockchipV2Model;
import org.iommuc.generated.RockchipV2Registers;
import org.iommuc.generated.Sun50iH6Model;
import org.iommuc.generated.Sun50iH6Pte;
import org.iommuc.generated.Sun50iH6Registers;
import org.iommuc.generated.VerisiliconIommu1_2Model;
import org.iommuc.generated.VerisiliconIommu1_2Registers;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.PhysicalMemory;
import org.iommuc.runtime.TranslationMode;
import org.junit.jupiter.api.Test;

/**
 * Each generated model used as a verification engineer uses it: constructed directly, programmed
 * through MMIO with the generated register constants and through memory with entries from the
 * generated codecs, driven with DMA from simulated masters. Each scenario checks untranslated
 * DMA while translation is off, a translated page, a fault recorded in the registers the
 * description names (read back through MMIO), the interrupt, and the driver's way out of the
 * fault.
 */
class ExampleScenariosTest {

    @Test
    void rockchipV1RecordsAPageFaultStallsAndResumes() {
        GeneratedExample e = GeneratedExample.of("rockchip-v1.iommu");
        RockchipV1Model m = new RockchipV1Model(new PhysicalMemory(32), true);
        assertDma(m, 0, 0x1234_5678L, true, 0x1234_5678L, "bypass at reset");
        PageTables t = new PageTables(e, m);
        t.map(0x1234_5000L, 0x8765_4000L, "pte", true, true);
        Drivers.rockchipV1(m, t.root);
        assertThat(read(m, RockchipV1Registers.DTE_ADDR_OFFSET)).as("DTE_ADDR").isEqualTo(t.root);
        assertDma(m, 0, 0x1234_5678L, true, 0x8765_4678L, "mapped");

        assertDma(m, 0, 0x1234_6010L, true, IommuModel.FAULT, "unmapped");
        assertThat(m.lastFaultKind()).isEqualTo(FaultKind.TRANSLATION);
        assertThat(read(m, RockchipV1Registers.PAGE_FAULT_ADDR_OFFSET)).isEqualTo(0x1234_6010L);
        assertThat(read(m, RockchipV1Registers.STATUS_OFFSET) & (RockchipV1Registers.STATUS_PAGE_FAULT_ACTIVE_MASK
                | RockchipV1Registers.STATUS_PAGE_FAULT_IS_WRITE_MASK)).as("STATUS: PAGE_FAULT_ACTIVE, PAGE_FAULT_IS_WRITE")
                .isEqualTo(RockchipV1Registers.STATUS_PAGE_FAULT_ACTIVE_MASK | RockchipV1Registers.STATUS_PAGE_FAULT_IS_WRITE_MASK);
        long status = read(m, RockchipV1Registers.INT_STATUS_OFFSET);
        assertThat(status).isEqualTo(RockchipV1Registers.INT_STATUS_PAGE_FAULT_MASK);
        assertThat(m.interrupt(RockchipV1Model.IRQ_LINE)).isTrue();
        assertDma(m, 0, 0x1234_5678L, false, IommuModel.STALLED, "held behind the stalled fault");

        // rk_iommu_irq after the page is mapped: ZAP_CACHE, PAGE_FAULT_DONE (the transaction is retried), INT_CLEAR
        t.map(0x1234_6000L, 0x9000_0000L, "pte", true, true);
        write(m, RockchipV1Registers.COMMAND_OFFSET, RockchipV1Registers.COMMAND_CMD_ZAP_CACHE);
        write(m, RockchipV1Registers.COMMAND_OFFSET, RockchipV1Registers.COMMAND_CMD_PAGE_FAULT_DONE);
        assertThat(m.faultPending()).isFalse();
        write(m, RockchipV1Registers.INT_CLEAR_OFFSET, status);
        assertThat(m.interrupt(RockchipV1Model.IRQ_LINE)).isFalse();
        assertDma(m, 0, 0x1234_6010L, true, 0x9000_0010L, "mapped by the fault handler");

        write(m, RockchipV1Registers.COMMAND_OFFSET, RockchipV1Registers.COMMAND_CMD_DISABLE_PAGING);
        assertDma(m, 0, 0x1234_5678L, false, 0x1234_5678L, "bypass after disable");
    }

    @Test
    void rockchipV2MapsFortyBitAddressesAndFaultsOnAnEmptyDirectoryEntry() {
        GeneratedExample e = GeneratedExample.of("rockchip-v2.iommu");
        RockchipV2Model m = new RockchipV2Model(new PhysicalMemory(40), true);
        PageTables t = new PageTables(e, m);
        t.map(0x1234_5000L, 0xAB_8765_4000L, "pte", true, true);
        Drivers.rockchipV2(m, t.root);
        assertDma(m, 0, 0x1234_5678L, false, 0xAB_8765_4678L, "a page above 4 GiB");
        assertDma(m, 0, 0x1240_0000L, false, IommuModel.FAULT, "no page table for this directory entry");
        assertThat(read(m, RockchipV2Registers.PAGE_FAULT_ADDR_OFFSET)).isEqualTo(0x1240_0000L);
        assertThat(read(m, RockchipV2Registers.STATUS_OFFSET) & RockchipV2Registers.STATUS_PAGE_FAULT_IS_WRITE_MASK)
                .as("a read").isZero();
        assertThat(m.interrupt(RockchipV2Model.IRQ_LINE)).isTrue();
    }

    @Test
    void sun50iChecksPermissionsPerMasterAndRecordsEachFaultWhereItBelongs() {
        GeneratedExample e = GeneratedExample.of("sun50i-h6.iommu");
        Sun50iH6Model m = new Sun50iH6Model(new PhysicalMemory(32), true);
        PageTables t = new PageTables(e, m);
        t.map(0x0123_4000L, 0x5000_0000L, "pte", true, true);
        t.map(0x0123_6000L, 0x5200_0000L, "pte", false, true);
        assertDma(m, 2, 0x0123_4ABCL, true, 0x0123_4ABCL, "bypass before enable");
        Drivers.sun50i(m, t.root);
        assertDma(m, 2, 0x0123_4ABCL, true, 0x5000_0ABCL, "read-write domain");

        // the write-only domain forbids reads: a permission fault of master 3
        assertDma(m, 3, 0x0123_6004L, false, IommuModel.FAULT, "read of a write-only page");
        assertThat(m.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
        assertThat(read(m, Sun50iH6Registers.INT_ERR_ADDR_OFFSET + 3 * Sun50iH6Registers.INT_ERR_ADDR_STRIDE))
                .as("INT_ERR_ADDR[3]").isEqualTo(0x0123_6004L);
        assertThat(read(m, Sun50iH6Registers.INT_ERR_DATA_OFFSET + 3 * Sun50iH6Registers.INT_ERR_DATA_STRIDE))
                .as("INT_ERR_DATA[3]: the entry").isEqualTo(Sun50iH6Pte.encode(0x5200_0000L, false, true));
        // an empty page-table entry and an empty directory entry
        assertDma(m, 5, 0x0123_7000L, false, IommuModel.FAULT, "empty PTE");
        assertThat(read(m, Sun50iH6Registers.INT_ERR_ADDR_L2_OFFSET)).isEqualTo(0x0123_7000L);
        assertThat(read(m, Sun50iH6Registers.L2PG_INT_OFFSET)).isEqualTo(1L << 5);
        assertDma(m, 1, 0x0400_0000L, false, IommuModel.FAULT, "empty DTE");
        assertThat(read(m, Sun50iH6Registers.INT_ERR_ADDR_L1_OFFSET)).isEqualTo(0x0400_0000L);
        assertThat(read(m, Sun50iH6Registers.L1PG_INT_OFFSET)).isEqualTo(1L << 1);
        long status = read(m, Sun50iH6Registers.INT_STA_OFFSET);
        assertThat(status).isEqualTo(Sun50iH6Registers.INT_STA_INVALID_L1PG_MASK | Sun50iH6Registers.INT_STA_INVALID_L2PG_MASK
                | (1L << 3) << Sun50iH6Registers.INT_STA_MASTER_PERMISSION_SHIFT);
        assertThat(m.interrupt(Sun50iH6Model.IRQ_LINE)).isTrue();
        write(m, Sun50iH6Registers.INT_CLR_OFFSET, status);
        assertThat(m.interrupt(Sun50iH6Model.IRQ_LINE)).isFalse();

        write(m, Sun50iH6Registers.ENABLE_OFFSET, 0);
        assertDma(m, 0, 0x0123_4ABCL, false, 0x0123_4ABCL, "bypass after disable");
    }

    @Test
    void ipu3TranslatesFromResetAndSendsUnmappedAddressesToTheDummyPage() {
        Ipu3MmuModel m = new Ipu3MmuModel(new PhysicalMemory(44), true);
        assertThat(m.translationMode()).isEqualTo(TranslationMode.ON);
        long dummyPage = 0x20_0000L;
        long dummyL2 = 0x20_1000L;
        long l1 = 0x20_2000L;
        long l2 = 0x20_3000L;
        // imgu_mmu_init: every L1 entry points at the dummy L2 table, every L2 entry at the dummy page
        for (int i = 0; i < Ipu3MmuRegisters.PT_PTES; i++) {
            m.cpuWrite(dummyL2 + 4L * i, 4, Ipu3MmuL2pte.encode(dummyPage, true, true));
            m.cpuWrite(l1 + 4L * i, 4, Ipu3MmuL1pte.encode(dummyL2, false, false));
            m.cpuWrite(l2 + 4L * i, 4, Ipu3MmuL2pte.encode(dummyPage, true, true));
        }
        m.cpuWrite(l1 + 4L * 0x48, 4, Ipu3MmuL1pte.encode(l2, false, false));
        m.cpuWrite(l2 + 4L * 0x345, 4, Ipu3MmuL2pte.encode(0xF_1234_5000L, true, true));
        write(m, Ipu3MmuRegisters.GP_HALT_OFFSET, Ipu3MmuRegisters.GP_HALT_HALT_MASK);
        assertDma(m, 0, 0x1234_5000L, false, IommuModel.STALLED, "halted");
        write(m, Ipu3MmuRegisters.L1_PHYS_OFFSET, l1 >>> Ipu3MmuRegisters.PAGE_SHIFT);
        write(m, Ipu3MmuRegisters.TLB_INVALIDATE_OFFSET, Ipu3MmuRegisters.TLB_INVALIDATE_INVALIDATE_MASK);
        write(m, Ipu3MmuRegisters.GP_HALT_OFFSET, 0);
        assertDma(m, 0, 0x1234_5678L, true, 0xF_1234_5678L, "mapped");
        assertDma(m, 0, 0x1234_6678L, true, dummyPage + 0x678, "unmapped: the dummy page");
        assertDma(m, 0, 0x8000_0000L, false, dummyPage, "through the dummy L2 table");
        assertDma(m, 0, 0x1_0000_0000L, false, IommuModel.FAULT, "outside the aperture");
        assertThat(m.lastFaultKind()).isEqualTo(FaultKind.ADDRESS);
        m.powerOff();
        m.powerOn();
        assertThat(read(m, Ipu3MmuRegisters.L1_PHYS_OFFSET)).as("L1_PHYS is lost at power off").isZero();
    }

    @Test
    void mtkRedirectsAFaultToTheProtectBufferAndNeedsARangeFlushForACachedEmptyEntry() {
        GeneratedExample e = GeneratedExample.of("mtk-m4u-v1.iommu");
        MtkM4uV1Model m = new MtkM4uV1Model(new PhysicalMemory(32), true);
        PageTables t = new PageTables(e, m);
        t.map(0x1234_5000L, 0x8000_0000L, "pte", true, true);
        Drivers.mtk(m, t.root);
        assertDma(m, 0, 0x1234_5678L, true, 0x8000_0678L, "mapped");
        assertDma(m, 0, 0x1234_6ABCL, false, 0x8_0000L, "unmapped: redirected to the protect buffer at IVRP_PADDR");
        assertThat(read(m, MtkM4uV1Registers.FAULT_ST_OFFSET)).isEqualTo(MtkM4uV1Registers.FAULT_ST_TRANSLATION_FAULT_MASK);
        assertThat(read(m, MtkM4uV1Registers.FAULT_VA_OFFSET) & MtkM4uV1Registers.FAULT_VA_MASK).isEqualTo(0x1234_6000L);
        assertThat(m.interrupt(MtkM4uV1Model.IRQ_LINE)).isTrue();
        long control = read(m, MtkM4uV1Registers.INT_CONTROL_OFFSET);
        write(m, MtkM4uV1Registers.INT_CONTROL_OFFSET, control | MtkM4uV1Registers.INT_CONTROL_INT_CLR_MASK);
        assertThat(m.interrupt(MtkM4uV1Model.IRQ_LINE)).isFalse();
        assertThat(read(m, MtkM4uV1Registers.INT_CONTROL_OFFSET)).as("INT_CLR clears itself").isEqualTo(control);

        t.map(0x1234_6000L, 0x8100_0000L, "pte", true, true);
        assertDma(m, 0, 0x1234_6ABCL, false, 0x8_0000L, "the TLB still holds the empty entry");
        write(m, MtkM4uV1Registers.INV_SEL_OFFSET, MtkM4uV1Registers.INV_SEL_INVLD_EN0_MASK | MtkM4uV1Registers.INV_SEL_INVLD_EN1_MASK);
        write(m, MtkM4uV1Registers.INVLD_START_A_OFFSET, 0x1234_6000L);
        write(m, MtkM4uV1Registers.INVLD_END_A_OFFSET, 0x1234_6000L);
        write(m, MtkM4uV1Registers.INVALIDATE_OFFSET, MtkM4uV1Registers.INVALIDATE_INV_RANGE_MASK);
        Drivers.poll(m, MtkM4uV1Registers.CPE_DONE_OFFSET, -1, 1);
        write(m, MtkM4uV1Registers.CPE_DONE_OFFSET, 0);
        assertDma(m, 0, 0x1234_6ABCL, false, 0x8100_0ABCL, "after the range flush");
        write(m, MtkM4uV1Registers.CTRL_REG_OFFSET, MtkM4uV1Registers.CTRL_REG_COHERENT_EN_MASK);
        assertDma(m, 0, 0x1234_7000L, true, IommuModel.FAULT, "TF_PROTECT_SEL 0: the transaction fails");
    }

    @Test
    void exynosV1BlocksOnAWriteToAReadOnlyPageUntilTheDriverUnblocks() {
        GeneratedExample e = GeneratedExample.of("exynos-sysmmu-v1.iommu");
        ExynosSysmmuV1Model m = new ExynosSysmmuV1Model(new PhysicalMemory(32), true);
        PageTables t = new PageTables(e, m);
        t.map(0x2000_0000L, 0x4010_0000L, "section", true, true);
        List<Long> small = t.map(0x2010_3000L, 0x5000_0000L, "small", true, false);
        assertDma(m, 0, 0x2001_2345L, true, 0x2001_2345L, "bypass before enable");
        Drivers.exynosV1(m, t.root);
        assertDma(m, 0, 0x2001_2345L, true, 0x4011_2345L, "1M section");
        assertDma(m, 0, 0x2010_3ABCL, false, 0x5000_0ABCL, "4K page");

        assertDma(m, 0, 0x2010_3ABCL, true, IommuModel.FAULT, "write to a read-only page (CFG.EAP)");
        assertThat(read(m, ExynosSysmmuV1Registers.AW_FAULT_ADDR_OFFSET)).isEqualTo(0x2010_3ABCL);
        assertThat(read(m, ExynosSysmmuV1Registers.INT_STATUS_OFFSET))
                .isEqualTo(ExynosSysmmuV1Registers.INT_STATUS_AW_ACCESS_PROTECTION_MASK);
        assertThat(read(m, ExynosSysmmuV1Registers.STATUS_OFFSET)).isEqualTo(ExynosSysmmuV1Registers.STATUS_BLOCKED_MASK);
        assertThat(m.interrupt(ExynosSysmmuV1Model.IRQ_LINE)).isTrue();
        assertDma(m, 0, 0x2001_2345L, false, IommuModel.STALLED, "blocked");

        // make it writable, flush the page (block, FLUSH_ENTRY, clear, unblock): the write is retried
        t.write(small.get(1) + 4 * 0x03, 4, ExynosSysmmuV1Small.encode(0x5000_0000L, true, true));
        write(m, ExynosSysmmuV1Registers.CTRL_OFFSET, ExynosSysmmuV1Registers.CTRL_BLOCK);
        write(m, ExynosSysmmuV1Registers.FLUSH_ENTRY_OFFSET, 0x2010_3000L | ExynosSysmmuV1Registers.FLUSH_ENTRY_ENABLE_MASK);
        write(m, ExynosSysmmuV1Registers.INT_CLEAR_OFFSET, ExynosSysmmuV1Registers.INT_CLEAR_AW_ACCESS_PROTECTION_MASK);
        assertThat(m.interrupt(ExynosSysmmuV1Model.IRQ_LINE)).isFalse();
        write(m, ExynosSysmmuV1Registers.CTRL_OFFSET, ExynosSysmmuV1Registers.CTRL_ENABLE);
        assertThat(m.faultPending()).isFalse();
        assertDma(m, 0, 0x2010_3ABCL, true, 0x5000_0ABCL, "writable now");

        write(m, ExynosSysmmuV1Registers.CTRL_OFFSET, ExynosSysmmuV1Registers.CTRL_DISABLE);
        assertDma(m, 0, 0x2010_3ABCL, true, 0x2010_3ABCL, "bypass after disable");
    }

    @Test
    void exynosV5RecordsReadAndWriteFaultsInTheirOwnRegisters() {
        GeneratedExample e = GeneratedExample.of("exynos-sysmmu-v5.iommu");
        ExynosSysmmuV5Model m = new ExynosSysmmuV5Model(new PhysicalMemory(36), true);
        PageTables t = new PageTables(e, m);
        t.map(0x2000_0000L, 0x8_4010_0000L, "section", true, true);
        t.map(0x2010_0000L, 0x8_4012_0000L, "large", true, true);
        Drivers.exynosV5(m, t.root);
        assertDma(m, 0, 0x2001_2345L, true, 0x8_4011_2345L, "1M section above 4 GiB");
        assertDma(m, 0, 0x2010_F00CL, false, 0x8_4012_F00CL, "last 4K of a 64K page");

        assertDma(m, 0, 0x2020_0000L, false, IommuModel.FAULT, "unmapped read");
        assertThat(read(m, ExynosSysmmuV5Registers.FAULT_AR_VA_OFFSET)).isEqualTo(0x2020_0000L);
        assertThat(read(m, ExynosSysmmuV5Registers.INT_STATUS_OFFSET)).isEqualTo(ExynosSysmmuV5Registers.INT_STATUS_AR_PAGE_MASK);
        assertThat(m.interrupt(ExynosSysmmuV5Model.IRQ_LINE)).isTrue();
        write(m, ExynosSysmmuV5Registers.INT_CLEAR_OFFSET, ExynosSysmmuV5Registers.INT_STATUS_AR_PAGE_MASK);
        assertThat(m.interrupt(ExynosSysmmuV5Model.IRQ_LINE)).isFalse();
        t.map(0x2020_0000L, 0x8_4020_0000L, "section", true, false);
        write(m, ExynosSysmmuV5Registers.CTRL_OFFSET, ExynosSysmmuV5Registers.CTRL_ENABLE);
        assertThat(m.faultPending()).as("the read was retried").isFalse();

        assertDma(m, 0, 0x2030_0000L, true, IommuModel.FAULT, "unmapped write");
        assertThat(read(m, ExynosSysmmuV5Registers.FAULT_AW_VA_OFFSET)).isEqualTo(0x2030_0000L);
        assertThat(read(m, ExynosSysmmuV5Registers.INT_STATUS_OFFSET)).isEqualTo(ExynosSysmmuV5Registers.INT_STATUS_AW_PAGE_MASK);
    }

    @Test
    void exynosV7VmRecordsEveryFaultInOneAddressRegisterWithItsDirectionInFaultInfo() {
        GeneratedExample e = GeneratedExample.of("exynos-sysmmu-v7-vm.iommu");
        ExynosSysmmuV7VmModel m = new ExynosSysmmuV7VmModel(new PhysicalMemory(36), true);
        PageTables t = new PageTables(e, m);
        t.map(0x2000_0000L, 0x8_4010_0000L, "section", true, false);
        Drivers.exynosV7Vm(m, t.root);
        assertThat(read(m, ExynosSysmmuV7VmRegisters.CTRL_VM_OFFSET)).isEqualTo(ExynosSysmmuV7VmRegisters.CTRL_VM_ENABLE
                | ExynosSysmmuV7VmRegisters.CTRL_VM_FAULT_MODE_STALL);
        assertDma(m, 0, 0x2001_2345L, false, 0x8_4011_2345L, "1M section above 4 GiB");

        assertDma(m, 0, 0x2001_2345L, true, IommuModel.FAULT, "write to a read-only section");
        assertThat(read(m, ExynosSysmmuV7VmRegisters.FAULT_VA_OFFSET)).isEqualTo(0x2001_2345L);
        assertThat(read(m, ExynosSysmmuV7VmRegisters.FAULT_INFO_OFFSET)).isEqualTo(ExynosSysmmuV7VmRegisters.FAULT_INFO_WRITE_MASK);
        assertThat(read(m, ExynosSysmmuV7VmRegisters.INT_STATUS_OFFSET))
                .isEqualTo(ExynosSysmmuV7VmRegisters.INT_STATUS_ACCESS_PROTECTION_MASK);
        assertThat(m.interrupt(ExynosSysmmuV7VmModel.IRQ_LINE)).isTrue();
        write(m, ExynosSysmmuV7VmRegisters.INT_CLEAR_OFFSET, ExynosSysmmuV7VmRegisters.INT_CLEAR_ACCESS_PROTECTION_MASK);
        assertThat(m.interrupt(ExynosSysmmuV7VmModel.IRQ_LINE)).isFalse();
        t.map(0x2000_0000L, 0x8_4010_0000L, "section", true, true);
        write(m, ExynosSysmmuV7VmRegisters.FLUSH_ENTRY_OFFSET, 0x2001_2000L | ExynosSysmmuV7VmRegisters.FLUSH_ENTRY_ENABLE_MASK);
        write(m, ExynosSysmmuV7VmRegisters.CTRL_OFFSET, ExynosSysmmuV7VmRegisters.CTRL_ENABLE);
        assertThat(m.faultPending()).as("the write was retried").isFalse();

        assertDma(m, 0, 0x2030_0000L, false, IommuModel.FAULT, "unmapped read");
        assertThat(read(m, ExynosSysmmuV7VmRegisters.FAULT_VA_OFFSET)).isEqualTo(0x2030_0000L);
        assertThat(read(m, ExynosSysmmuV7VmRegisters.FAULT_INFO_OFFSET)).as("a read").isZero();
        assertThat(read(m, ExynosSysmmuV7VmRegisters.INT_STATUS_OFFSET)).isEqualTo(ExynosSysmmuV7VmRegisters.INT_STATUS_PAGE_MASK);
    }

    @Test
    void verisiliconAbortsAPermissionFaultAndReportsItInTheReadViewOfTheExceptionRegister() {
        GeneratedExample e = GeneratedExample.of("verisilicon-iommu-1.2.iommu");
        VerisiliconIommu1_2Model m = new VerisiliconIommu1_2Model(new PhysicalMemory(40), true);
        PageTables t = new PageTables(e, m);
        t.map(0x0040_3000L, 0xAB_1234_5000L, "pte", true, true);
        t.map(0x0040_4000L, 0x7000_0000L, "pte", true, false);
        Drivers.verisilicon(m, t.root);
        assertDma(m, 0, 0x0040_3123L, true, 0xAB_1234_5123L, "40-bit page");
        assertDma(m, 0, 0x0040_4123L, true, IommuModel.FAULT, "write to a read-only page");
        assertThat(m.lastFaultKind()).isEqualTo(FaultKind.PERMISSION);
        assertThat(m.faultPending()).as("aborted, not stalled").isFalse();
        assertThat(m.interrupt(VerisiliconIommu1_2Model.IRQ_LINE)).isTrue();
        assertThat(read(m, VerisiliconIommu1_2Registers.STATUS_OFFSET)).isEqualTo(1);
        assertThat(read(m, VerisiliconIommu1_2Registers.PAGE_FAULT_ADDR_OFFSET)).as("0x380 read view")
                .isEqualTo(0x0040_4123L);
        write(m, VerisiliconIommu1_2Registers.STATUS_OFFSET, 0);
        assertThat(m.interrupt(VerisiliconIommu1_2Model.IRQ_LINE)).isFalse();
        assertDma(m, 0, 0x0080_0000L, false, IommuModel.FAULT, "empty DTE");
        assertThat(m.lastFaultKind()).isEqualTo(FaultKind.TRANSLATION);

        write(m, VerisiliconIommu1_2Registers.CONTROL_OFFSET, 0);
        assertDma(m, 0, 0x0040_3123L, true, 0x0040_3123L, "bypass after disable");
    }

    private static void assertDma(IommuModel m, int master, long iova, boolean write, long expected, String what) {
        String access = "master " + master + (write ? " write " : " read ") + Outcomes.hex(iova);
        assertThat(Outcomes.of(m.translate(master, iova, write))).as("%s: %s", what, access).isEqualTo(Outcomes.of(expected));
    }
}
