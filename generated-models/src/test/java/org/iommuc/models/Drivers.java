package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.generated.ExynosSysmmuV1Registers;
import org.iommuc.generated.ExynosSysmmuV5Registers;
import org.iommuc.generated.ExynosSysmmuV7Registers;
import org.iommuc.generated.ExynosSysmmuV7VmRegisters;
import org.iommuc.generated.Ipu3MmuRegisters;
import org.iommuc.generated.MtkM4uV1Registers;
import org.iommuc.generated.RockchipV1Dte;
import org.iommuc.generated.RockchipV1Registers;
import org.iommuc.generated.RockchipV2Dte;
import org.iommuc.generated.RockchipV2Registers;
import org.iommuc.generated.Sun50iH6Registers;
import org.iommuc.generated.VerisiliconIommu1_2Registers;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RegisterMap;
import org.iommuc.runtime.TranslationMode;

/**
 * The {@code enable(root)} sequence of each example, written as its Linux driver programs the
 * hardware: MMIO writes of the generated register constants, root entries encoded by the
 * generated codecs, polls of the status bits the driver waits for.
 */
final class Drivers {

    private Drivers() {}

    /** Programs {@code root} as the first-level table and turns translation on. */
    static void enable(GeneratedExample example, IommuModel m, long root) {
        switch (example.file()) {
            case "rockchip-v1.iommu" -> rockchipV1(m, root);
            case "rockchip-v2.iommu" -> rockchipV2(m, root);
            case "sun50i-h6.iommu" -> sun50i(m, root);
            case "ipu3-mmu.iommu" -> ipu3(m, root);
            case "mtk-m4u-v1.iommu" -> mtk(m, root);
            case "exynos-sysmmu-v1.iommu" -> exynosV1(m, root);
            case "exynos-sysmmu-v5.iommu" -> exynosV5(m, root);
            case "exynos-sysmmu-v7.iommu" -> exynosV7(m, root);
            case "exynos-sysmmu-v7-vm.iommu" -> exynosV7Vm(m, root);
            case "verisilicon-iommu-1.2.iommu" -> verisilicon(m, root);
            default -> throw new AssertionError("no driver for " + example.file() + "; add its enable sequence to Drivers");
        }
        assertThat(m.translationMode()).as("%s translates after enable", example.file()).isEqualTo(TranslationMode.ON);
    }

    /** rk_iommu_enable without the stall and reset: DTE_ADDR, ZAP_CACHE, INT_MASK, ENABLE_PAGING. */
    static void rockchipV1(IommuModel m, long dt) {
        write(m, RockchipV1Registers.DTE_ADDR_OFFSET, RockchipV1Dte.encode(dt, false, false));
        write(m, RockchipV1Registers.COMMAND_OFFSET, RockchipV1Registers.COMMAND_CMD_ZAP_CACHE);
        write(m, RockchipV1Registers.INT_MASK_OFFSET, RockchipV1Registers.IRQ_MASK);
        write(m, RockchipV1Registers.COMMAND_OFFSET, RockchipV1Registers.COMMAND_CMD_ENABLE_PAGING);
        poll(m, RockchipV1Registers.STATUS_OFFSET, RockchipV1Registers.STATUS_PAGING_ENABLED_MASK,
                RockchipV1Registers.STATUS_PAGING_ENABLED_MASK);
    }

    static void rockchipV2(IommuModel m, long dt) {
        write(m, RockchipV2Registers.DTE_ADDR_OFFSET, RockchipV2Dte.encode(dt, false, false));
        write(m, RockchipV2Registers.COMMAND_OFFSET, RockchipV2Registers.COMMAND_CMD_ZAP_CACHE);
        write(m, RockchipV2Registers.INT_MASK_OFFSET, RockchipV2Registers.IRQ_MASK);
        write(m, RockchipV2Registers.COMMAND_OFFSET, RockchipV2Registers.COMMAND_CMD_ENABLE_PAGING);
        poll(m, RockchipV2Registers.STATUS_OFFSET, RockchipV2Registers.STATUS_PAGING_ENABLED_MASK,
                RockchipV2Registers.STATUS_PAGING_ENABLED_MASK);
    }

    /**
     * sun50i_iommu_enable: TTB, prefetch, no bypass, interrupts, the permission domains (RD
     * forbids writes, WR reads, NONE both; the WR write replaces the RD bits of the same register,
     * as the driver's plain writes do), flush all TLBs, auto gating, enable.
     */
    static void sun50i(IommuModel m, long dt) {
        write(m, Sun50iH6Registers.TTB_OFFSET, dt);
        write(m, Sun50iH6Registers.TLB_PREFETCH_OFFSET, Sun50iH6Registers.TLB_PREFETCH_MASTER_MASK);
        write(m, Sun50iH6Registers.BYPASS_OFFSET, 0);
        write(m, Sun50iH6Registers.INT_ENABLE_OFFSET, Sun50iH6Registers.INT_MASK);
        write(m, domainControl(0), 0xFFFL << Sun50iH6Registers.DM_AUT_CTRL_ODD_SHIFT);
        write(m, domainControl(1), 0xAAAL << Sun50iH6Registers.DM_AUT_CTRL_EVEN_SHIFT);
        write(m, domainControl(1), 0x555L << Sun50iH6Registers.DM_AUT_CTRL_ODD_SHIFT);
        write(m, Sun50iH6Registers.TLB_FLUSH_OFFSET, Sun50iH6Registers.FLUSH_ALL_TLBS);
        poll(m, Sun50iH6Registers.TLB_FLUSH_OFFSET, -1, 0);
        write(m, Sun50iH6Registers.AUTO_GATING_OFFSET, Sun50iH6Registers.AUTO_GATING_ENABLE_MASK);
        write(m, Sun50iH6Registers.ENABLE_OFFSET, Sun50iH6Registers.ENABLE_ENABLE_MASK);
    }

    static long domainControl(int index) {
        return Sun50iH6Registers.DM_AUT_CTRL_OFFSET + index * Sun50iH6Registers.DM_AUT_CTRL_STRIDE;
    }

    /** imgu_mmu_set_halt, L1_PHYS = PFN, invalidate, un-halt. IPU3 translates from reset. */
    static void ipu3(IommuModel m, long l1) {
        write(m, Ipu3MmuRegisters.GP_HALT_OFFSET, Ipu3MmuRegisters.GP_HALT_HALT_MASK);
        poll(m, Ipu3MmuRegisters.GP_HALTED_OFFSET, Ipu3MmuRegisters.GP_HALTED_HALTED_MASK,
                Ipu3MmuRegisters.GP_HALTED_HALTED_MASK);
        write(m, Ipu3MmuRegisters.L1_PHYS_OFFSET, l1 >>> Ipu3MmuRegisters.PAGE_SHIFT);
        write(m, Ipu3MmuRegisters.TLB_INVALIDATE_OFFSET, Ipu3MmuRegisters.TLB_INVALIDATE_INVALIDATE_MASK);
        write(m, Ipu3MmuRegisters.GP_HALT_OFFSET, 0);
        poll(m, Ipu3MmuRegisters.GP_HALTED_OFFSET, Ipu3MmuRegisters.GP_HALTED_HALTED_MASK, 0);
    }

    /** mtk_iommu_v1 init, enable(pgt), flush_all. The M4U translates from reset. */
    static void mtk(IommuModel m, long pgt) {
        write(m, MtkM4uV1Registers.CTRL_REG_OFFSET, MtkM4uV1Registers.CTRL_REG_COHERENT_EN_MASK
                | 2L << MtkM4uV1Registers.CTRL_REG_TF_PROTECT_SEL_SHIFT);
        write(m, MtkM4uV1Registers.INT_CONTROL_OFFSET, 0xFF);
        write(m, MtkM4uV1Registers.IVRP_PADDR_OFFSET, 0x8_0000);
        write(m, MtkM4uV1Registers.DCM_OFFSET, MtkM4uV1Registers.DCM_DCM_ON_MASK);
        write(m, MtkM4uV1Registers.PT_BASE_ADDR_OFFSET, pgt);
        flushAllMtk(m);
    }

    static void flushAllMtk(IommuModel m) {
        write(m, MtkM4uV1Registers.INV_SEL_OFFSET, MtkM4uV1Registers.INV_SEL_INVLD_EN0_MASK
                | MtkM4uV1Registers.INV_SEL_INVLD_EN1_MASK);
        write(m, MtkM4uV1Registers.INVALIDATE_OFFSET, MtkM4uV1Registers.INVALIDATE_ALL_INVLD_MASK);
    }

    /**
     * __sysmmu_enable: CTRL = BLOCK, init_config (QOS(15) | FLPDCACHE | ACGEN | EAP, from v3.3 on),
     * the table base and a full flush, then {@code beforeEnable} (v7 VM's __sysmmu_enable_vid)
     * and CTRL = ENABLE. Each layout passes its own registers' offsets and values.
     */
    private static void sysmmuEnable(IommuModel m, long ctrl, long block, long enable, long cfg, long cfgValue,
            long ptBase, long ptBaseValue, long flushAll, Runnable beforeEnable) {
        write(m, ctrl, block);
        write(m, cfg, cfgValue);
        write(m, ptBase, ptBaseValue);
        write(m, flushAll, 1);
        beforeEnable.run();
        write(m, ctrl, enable);
    }

    /** __sysmmu_enable on v3.3: PT_BASE holds the table's PA. */
    static void exynosV1(IommuModel m, long pgd) {
        sysmmuEnable(m, ExynosSysmmuV1Registers.CTRL_OFFSET, ExynosSysmmuV1Registers.CTRL_BLOCK,
                ExynosSysmmuV1Registers.CTRL_ENABLE, ExynosSysmmuV1Registers.CFG_OFFSET,
                ExynosSysmmuV1Registers.CFG_QOS_15 | ExynosSysmmuV1Registers.CFG_FLPDCACHE
                        | ExynosSysmmuV1Registers.CFG_ACGEN | ExynosSysmmuV1Registers.CFG_EAP,
                ExynosSysmmuV1Registers.PT_BASE_OFFSET, pgd, ExynosSysmmuV1Registers.FLUSH_ALL_OFFSET, () -> { });
    }

    /** __sysmmu_enable on v5: as v1, but PT_BASE holds the PFN. */
    static void exynosV5(IommuModel m, long pgd) {
        sysmmuEnable(m, ExynosSysmmuV5Registers.CTRL_OFFSET, ExynosSysmmuV5Registers.CTRL_BLOCK,
                ExynosSysmmuV5Registers.CTRL_ENABLE, ExynosSysmmuV5Registers.CFG_OFFSET,
                ExynosSysmmuV5Registers.CFG_QOS_15 | ExynosSysmmuV5Registers.CFG_FLPDCACHE
                        | ExynosSysmmuV5Registers.CFG_ACGEN | ExynosSysmmuV5Registers.CFG_EAP,
                ExynosSysmmuV5Registers.PT_BASE_OFFSET, pgd >>> 12, ExynosSysmmuV5Registers.FLUSH_ALL_OFFSET, () -> { });
    }

    /** __sysmmu_enable on v7: as v5 (the v7 layout keeps v5's PT_BASE and FLUSH_ALL). */
    static void exynosV7(IommuModel m, long pgd) {
        sysmmuEnable(m, ExynosSysmmuV7Registers.CTRL_OFFSET, ExynosSysmmuV7Registers.CTRL_BLOCK,
                ExynosSysmmuV7Registers.CTRL_ENABLE, ExynosSysmmuV7Registers.CFG_OFFSET,
                ExynosSysmmuV7Registers.CFG_QOS_15 | ExynosSysmmuV7Registers.CFG_FLPDCACHE
                        | ExynosSysmmuV7Registers.CFG_ACGEN | ExynosSysmmuV7Registers.CFG_EAP,
                ExynosSysmmuV7Registers.PT_BASE_OFFSET, pgd >>> 12, ExynosSysmmuV7Registers.FLUSH_ALL_OFFSET, () -> { });
    }

    /**
     * __sysmmu_enable on the v7 VM layout: as v7 with PT_BASE and FLUSH_ALL at 0x800C / 0x8010,
     * then __sysmmu_enable_vid's read-modify-write of CTRL_VM (ENABLE | FAULT_MODE_STALL) before
     * CTRL = ENABLE.
     */
    static void exynosV7Vm(IommuModel m, long pgd) {
        sysmmuEnable(m, ExynosSysmmuV7VmRegisters.CTRL_OFFSET, ExynosSysmmuV7VmRegisters.CTRL_BLOCK,
                ExynosSysmmuV7VmRegisters.CTRL_ENABLE, ExynosSysmmuV7VmRegisters.CFG_OFFSET,
                ExynosSysmmuV7VmRegisters.CFG_QOS_15 | ExynosSysmmuV7VmRegisters.CFG_FLPDCACHE
                        | ExynosSysmmuV7VmRegisters.CFG_ACGEN | ExynosSysmmuV7VmRegisters.CFG_EAP,
                ExynosSysmmuV7VmRegisters.PT_BASE_OFFSET, pgd >>> 12, ExynosSysmmuV7VmRegisters.FLUSH_ALL_OFFSET,
                () -> write(m, ExynosSysmmuV7VmRegisters.CTRL_VM_OFFSET, read(m, ExynosSysmmuV7VmRegisters.CTRL_VM_OFFSET)
                        | ExynosSysmmuV7VmRegisters.CTRL_VM_ENABLE_MASK
                        | ExynosSysmmuV7VmRegisters.CTRL_VM_FAULT_MODE_STALL_MASK));
    }

    /** vsi_iommu_enable: PTA base, out-of-bound check, exceptions, enable, then the flush pulse. */
    static void verisilicon(IommuModel m, long pta) {
        write(m, VerisiliconIommu1_2Registers.PTA_BASE_OFFSET, pta);
        write(m, VerisiliconIommu1_2Registers.CONFIG1_OFFSET, VerisiliconIommu1_2Registers.CONFIG1_OUT_OF_BOUND_MASK);
        write(m, VerisiliconIommu1_2Registers.EXCEPTION_OFFSET, VerisiliconIommu1_2Registers.EXCEPTION_ENABLE_MASK);
        write(m, VerisiliconIommu1_2Registers.CONTROL_OFFSET, VerisiliconIommu1_2Registers.CONTROL_ENABLE_MASK);
        write(m, VerisiliconIommu1_2Registers.FLUSH_OFFSET, VerisiliconIommu1_2Registers.FLUSH_FLUSH_MASK);
        write(m, VerisiliconIommu1_2Registers.FLUSH_OFFSET, 0);
    }

    /** A register write of the register's own width; it must reach a register. */
    static void write(IommuModel m, long offset, long value) {
        RegisterMap map = m.registers();
        int slot = map.writeSlot(offset);
        assertThat(slot).as("a register is written at 0x%X", offset).isGreaterThanOrEqualTo(0);
        assertThat(m.mmioWrite(offset, map.width(slot), value)).as("write 0x%X", offset).isTrue();
    }

    /** A register read of the register's own width. */
    static long read(IommuModel m, long offset) {
        RegisterMap map = m.registers();
        int slot = map.readSlot(offset);
        assertThat(slot).as("a register is read at 0x%X", offset).isGreaterThanOrEqualTo(0);
        return m.mmioRead(offset, map.width(slot));
    }

    /** A driver's poll: the model answers at once, so the first read must already match. */
    static void poll(IommuModel m, long offset, long mask, long expected) {
        assertThat(read(m, offset) & mask).as("poll 0x%X", offset).isEqualTo(expected);
    }
}
