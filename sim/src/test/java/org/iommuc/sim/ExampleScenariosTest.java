package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.TranslationMode;
import org.junit.jupiter.api.Test;

/**
 * Every example runs in the interpreter as its driver programs it: the register writes of its
 * {@code enable} sequence done by hand, a page mapped with entries built by EntryCodec,
 * translations, a fault recorded in the described registers and cleared as its {@code fault}
 * sequence does, and bypass when translation is off.
 */
class ExampleScenariosTest {

    @Test
    void rockchipV1() {
        ExampleRig r = new ExampleRig("rockchip-v1");
        assertThat(r.dma(0, 0x1234_5678, true)).as("bypass at reset").isEqualTo(0x1234_5678);
        // force_reset
        r.write(0x00, 0xCAFE_B000L);
        assertThat(r.read(0x00)).isEqualTo(0xCAFE_B000L);
        r.write(0x08, 6);
        r.poll(0x00, -1, 0);
        // page tables: DT at 0x100000, one PT at 0x101000
        r.entries.put(0x10_0000 + 4 * 0x48, r.entries.encode("dte", 0x10_1000, null));
        r.entries.put(0x10_1000 + 4 * 0x345, r.entries.encode("pte", 0x8765_4000L, "rw"));
        // enable(dt)
        r.write(0x00, r.entries.build("dte", Map.of("table", 0x10_0000L)));
        assertThat(r.read(0x00)).as("bits 11:0 read as zero").isEqualTo(0x10_0000);
        r.write(0x08, 4);
        r.write(0x1C, 0x3);
        r.write(0x08, 0);
        r.poll(0x04, 1, 1);
        r.write(0x08, 3);
        r.poll(0x04, 1 << 2, 0);
        assertThat(r.dma(0, 0x1234_5678, true)).isEqualTo(0x8765_4678L);
        assertThat(r.dma(0, 0x1234_5000, false)).isEqualTo(0x8765_4000L);
        assertThat(r.lastEvent()).endsWith("(tlb)");
        // a page fault stalls, is recorded, raises the interrupt
        assertThat(r.dma(0, 0x1234_6010, true)).isEqualTo(IommuModel.FAULT);
        assertThat(r.model.faultPending()).isTrue();
        assertThat(r.read(0x0C)).isEqualTo(0x1234_6010L);
        assertThat(r.read(0x04) & 0b100010).as("PAGE_FAULT_ACTIVE, PAGE_FAULT_IS_WRITE").isEqualTo(0b100010);
        assertThat(r.model.interrupt(0)).isTrue();
        // the fault sequence, after mapping the page
        long status = r.read(0x20);
        assertThat(status).isEqualTo(1);
        r.entries.put(0x10_1000 + 4 * 0x346, r.entries.encode("pte", 0x9000_0000L, "rw"));
        r.write(0x08, 4);
        r.write(0x08, 5);
        assertThat(r.trace.text()).contains("fault resume\n", "dma m0 write 0x12346010 -> 0x90000010 (walk)");
        r.write(0x18, status);
        assertThat(r.model.interrupt(0)).isFalse();
        // disable
        r.write(0x08, 1);
        assertThat(r.dma(0, 0x1234_5678, false)).isEqualTo(0x1234_5678L);
    }

    @Test
    void rockchipV2() {
        ExampleRig r = new ExampleRig("rockchip-v2");
        long dt = 0x3_0010_0000L;
        long pt = 0x3_0010_1000L;
        r.entries.put(dt + 4 * 0x48, r.entries.encode("dte", pt, null));
        long pte = r.entries.encode("pte", 0xAB_8765_4000L, "rw");
        assertThat(pte).as("PA[35:32] in 11:8, PA[39:36] in 7:4").isEqualTo(0x8765_4BA7L);
        r.entries.put(pt + 4 * 0x345, pte);
        r.write(0x00, r.entries.build("dte", Map.of("table", dt)));
        assertThat(r.read(0x00)).as("v2 keeps the high nibbles").isEqualTo(0x0010_0301L);
        r.write(0x08, 4);
        r.write(0x1C, 0x3);
        r.write(0x08, 0);
        r.poll(0x04, 1, 1);
        assertThat(r.dma(0, 0x1234_5678, false)).isEqualTo(0xAB_8765_4678L);
        assertThat(r.dma(0, 0x1240_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.trace.text()).contains("translation fault at level 0, stall");
        assertThat(r.read(0x0C)).isEqualTo(0x1240_0000L);
    }

    @Test
    void sun50iH6() {
        ExampleRig r = new ExampleRig("sun50i-h6");
        long dt = 0x10_0000;
        long pt = 0x10_4000;
        r.entries.put(dt + 4 * 0x012, r.entries.encode("dte", pt, null));
        r.entries.put(pt + 4 * 0x34, r.entries.encode("pte", 0x5000_0000L, "rw"));
        r.entries.put(pt + 4 * 0x35, r.entries.encode("pte", 0x5100_0000L, "r"));
        r.entries.put(pt + 4 * 0x36, r.entries.encode("pte", 0x5200_0000L, "w"));
        assertThat(r.entries.encode("pte", 0x5000_0000L, "rw")).isEqualTo(0x5000_0042L);
        assertThat(r.dma(2, 0x0123_4ABC, true)).as("bypass before enable").isEqualTo(0x0123_4ABCL);
        // enable(dt)
        r.write(0x050, dt);
        r.write(0x070, 0x3F);
        r.write(0x030, 0);
        r.write(0x100, 0x3_003F);
        r.write(0x0B0, 0xFFF_0000L);
        r.write(0x0B4, 0xAAA);
        r.write(0x0B4, 0x555_0000L);
        r.write(0x080, 0x3_003F);
        r.poll(0x080, -1, 0);
        r.write(0x040, 1);
        r.write(0x020, 1);
        assertThat(r.model.translationMode()).isEqualTo(TranslationMode.ON);
        assertThat(r.dma(2, 0x0123_4ABC, true)).as("RD_WR domain 4").isEqualTo(0x5000_0ABCL);
        assertThat(r.dma(3, 0x0123_5000, true)).as("the RD domain's write bits were overwritten by the WR write")
                .isEqualTo(0x5100_0000L);
        // the WR domain forbids reads: a permission fault of master 3
        assertThat(r.dma(3, 0x0123_6004, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x110 + 4 * 3)).isEqualTo(0x0123_6004L);
        assertThat(r.read(0x150 + 4 * 3)).isEqualTo(0x5200_0032L);
        assertThat(r.read(0x108)).isEqualTo(1 << 3);
        assertThat(r.model.interrupt(0)).isTrue();
        // an invalid PTE and an invalid DTE
        assertThat(r.dma(5, 0x0123_7000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x134)).isEqualTo(0x0123_7000L);
        assertThat(r.read(0x184)).isEqualTo(1 << 5);
        assertThat(r.dma(1, 0x0400_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x130)).isEqualTo(0x0400_0000L);
        assertThat(r.read(0x180)).isEqualTo(1 << 1);
        long status = r.read(0x108);
        assertThat(status).isEqualTo(0x3_0008L);
        r.write(0x104, status);
        assertThat(r.model.interrupt(0)).isFalse();
        // the TLB is tagged by master: zap by address and mask for every master
        r.entries.put(pt + 4 * 0x34, r.entries.encode("pte", 0x6000_0000L, "rw"));
        assertThat(r.dma(2, 0x0123_4000, false)).as("stale TLB entry").isEqualTo(0x5000_0000L);
        r.write(0x090, 0x0123_4000);
        r.write(0x094, 0xFFFF_F000L);
        r.write(0x098, 1);
        r.poll(0x098, -1, 0);
        assertThat(r.dma(2, 0x0123_4000, false)).isEqualTo(0x6000_0000L);
        // disable
        r.write(0x020, 0);
        assertThat(r.dma(0, 0x0123_4ABC, false)).isEqualTo(0x0123_4ABCL);
    }

    @Test
    void ipu3() {
        ExampleRig r = new ExampleRig("ipu3-mmu");
        assertThat(r.model.translationMode()).as("translates from reset").isEqualTo(TranslationMode.ON);
        long dummyPage = 0x20_0000;
        long dummyL2 = 0x20_1000;
        long l1 = 0x20_2000;
        long l2 = 0x20_3000;
        long emptyL1 = r.entries.build("l1pte", Map.of("table", dummyL2));
        long emptyL2 = r.entries.build("l2pte", Map.of("page", dummyPage));
        for (int i = 0; i < 1024; i++) {
            r.model.cpuWrite(dummyL2 + 4 * i, 4, emptyL2);
            r.model.cpuWrite(l1 + 4 * i, 4, emptyL1);
            r.model.cpuWrite(l2 + 4 * i, 4, emptyL2);
        }
        r.model.cpuWrite(l1 + 4 * 0x48, 4, r.entries.build("l1pte", Map.of("table", l2)));
        r.model.cpuWrite(l2 + 4 * 0x345, 4, r.entries.build("l2pte", Map.of("page", 0xF_1234_5000L)));
        // enable(l1): halt, L1_PHYS, invalidate, unhalt
        r.write(0x45DC, 1);
        r.poll(0x45E0, 1, 1);
        assertThat(r.dma(0, 0x1234_5000, false)).as("halted").isEqualTo(IommuModel.STALLED);
        r.write(0x4304, l1 >>> 12);
        r.write(0x4300, 1);
        r.write(0x45DC, 0);
        r.poll(0x45E0, 1, 0);
        assertThat(r.dma(0, 0x1234_5678, true)).isEqualTo(0xF_1234_5678L);
        assertThat(r.dma(0, 0x1234_6678, true)).as("an unmapped IOVA reaches the dummy page").isEqualTo(0x20_0678L);
        assertThat(r.dma(0, 0x8000_0000L, false)).as("through the dummy L2 table").isEqualTo(0x20_0000L);
        assertThat(r.dma(0, 0x1_0000_0000L, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.lastEvent()).isEqualTo("dma m0 read 0x100000000 -> address fault, unhandled");
        r.model.powerOff();
        r.model.powerOn();
        assertThat(r.read(0x4304)).as("L1_PHYS is lost").isZero();
    }

    @Test
    void mtkM4uV1() {
        ExampleRig r = new ExampleRig("mtk-m4u-v1");
        long pgt = 0x40_0000;
        // init, enable(pgt), flush_all
        r.write(0x210, 0x140);
        r.write(0x220, 0xFF);
        r.write(0x214, 0x8_0000);
        r.write(0x5F0, 1 << 1);
        r.write(0x000, pgt);
        r.write(0x5D8, 3);
        r.write(0x5C0, 1 << 1);
        long pte = r.entries.encode("pte", 0x8000_0000L, "rw");
        assertThat(pte).isEqualTo(0x8000_000AL);
        r.entries.put(pgt + 4 * 0x12345, pte);
        assertThat(r.dma(0, 0x1234_5678, true)).isEqualTo(0x8000_0678L);
        // a translation fault: TF_PROTECT_SEL is 2, so the access goes to the protect buffer
        assertThat(r.dma(0, 0x1234_6abc, false)).as("redirected to IVRP_PADDR").isEqualTo(0x8_0000L);
        assertThat(r.read(0x224)).isEqualTo(1);
        assertThat(r.read(0x228)).isEqualTo(0x1234_6000L);
        assertThat(r.model.interrupt(0)).isTrue();
        // fault: modify INT_CONTROL.INT_CLR = 1
        long control = r.read(0x220);
        r.write(0x220, control | 1 << 12);
        assertThat(r.model.interrupt(0)).isFalse();
        assertThat(r.read(0x220)).as("INT_CLR self-clears").isEqualTo(0xFF);
        // map it; the cached empty entry needs flush_range
        r.entries.put(pgt + 4 * 0x12346, r.entries.encode("pte", 0x8100_0000L, "rw"));
        assertThat(r.dma(0, 0x1234_6abc, false)).as("the cached empty entry").isEqualTo(0x8_0000L);
        r.write(0x5D8, 3);
        r.write(0x5C4, 0x1234_6000);
        r.write(0x5C8, 0x1234_6000);
        r.write(0x5C0, 1);
        r.poll(0x60C, -1, 1);
        r.write(0x60C, 0);
        assertThat(r.dma(0, 0x1234_6abc, false)).isEqualTo(0x8100_0ABCL);
        // another TF_PROTECT_SEL: the faulting transaction fails
        r.write(0x210, 0x100);
        assertThat(r.dma(0, 0x1234_7000, true)).isEqualTo(IommuModel.FAULT);
    }

    @Test
    void exynosV1() {
        ExampleRig r = new ExampleRig("exynos-sysmmu-v1");
        // init: the version this description models
        assertThat(r.read(0x034) >>> 21 & 0x7FF).isEqualTo(3 << 7 | 3);
        long lv1 = 0x10_0000;
        long lv2 = 0x10_4000;
        r.entries.put(lv1 + 4 * 0x200, r.entries.encode("section", 0x4010_0000L, "rw"));
        r.entries.put(lv1 + 4 * 0x201, r.entries.encode("lv2link", lv2, null));
        r.entries.put(lv2 + 4 * 0x03, r.entries.encode("small", 0x5000_0000L, "r"));
        assertThat(r.entries.encode("small", 0x5000_0000L, "r")).isEqualTo(0x5000_0212L);
        // enable(pgd): block, init_config (v3.3), set_ptbase, flush_all, enable
        r.write(0x000, 0x7);
        r.poll(0x008, 1, 1);
        r.write(0x004, 0x780 | 1 << 20 | 1 << 24 | 1 << 2);
        r.write(0x014, lv1);
        r.write(0x00C, 1);
        r.write(0x000, 0x5);
        assertThat(r.dma(0, 0x2001_2345, true)).isEqualTo(0x4011_2345L);
        assertThat(r.dma(0, 0x2010_3abc, false)).isEqualTo(0x5000_0ABCL);
        // CFG.EAP on: a write through the read-only page faults and blocks
        assertThat(r.dma(0, 0x2010_3abc, true)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x028)).as("AW_FAULT_ADDR").isEqualTo(0x2010_3ABCL);
        assertThat(r.read(0x018)).as("AW_ACCESS_PROTECTION").isEqualTo(1 << 7);
        assertThat(r.read(0x008)).as("BLOCKED").isEqualTo(1);
        assertThat(r.model.interrupt(0)).isTrue();
        assertThat(r.dma(0, 0x2001_2345, false)).isEqualTo(IommuModel.STALLED);
        // map it writable, flush_page (block, FLUSH_ENTRY, unblock), clear the interrupt
        r.entries.put(lv2 + 4 * 0x03, r.entries.encode("small", 0x5000_0000L, "rw"));
        r.write(0x000, 0x7);
        r.poll(0x008, 1, 1);
        r.write(0x010, 0x2010_3000 | 1);
        r.write(0x01C, 1 << 7);
        assertThat(r.model.interrupt(0)).isFalse();
        r.write(0x000, 0x5);
        assertThat(r.trace.text()).contains("fault resume\n", "dma m0 write 0x20103ABC -> 0x50000ABC (walk)");
        // an empty level-1 slot faults at level 0
        assertThat(r.dma(0, 0x3000_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x024)).isEqualTo(0x3000_0000L);
        // disable while the fault waits: DMA is still held, even in bypass
        r.write(0x000, 0);
        r.write(0x004, 0);
        assertThat(r.model.faultPending()).isTrue();
        assertThat(r.dma(0, 0x3000_0000, false)).isEqualTo(IommuModel.STALLED);
        // map a section there, flush all, enable: the retry translates; disable: bypass
        r.entries.put(lv1 + 4 * 0x300, r.entries.encode("section", 0x6000_0000L, "rw"));
        r.write(0x00C, 1);
        r.write(0x000, 0x5);
        assertThat(r.lastEvent()).isEqualTo("dma m0 read 0x30000000 -> 0x60000000 (walk)");
        r.write(0x000, 0);
        assertThat(r.dma(0, 0x3000_0000, false)).as("bypass").isEqualTo(0x3000_0000L);
    }

    @Test
    void exynosV5() {
        ExampleRig r = new ExampleRig("exynos-sysmmu-v5");
        long lv1 = 0x8_0010_0000L;
        long lv2 = 0x8_0010_4000L;
        long section = r.entries.encode("section", 0x8_4010_0000L, "rw");
        assertThat(section).as("test vector").isEqualTo(0x8401_0032L);
        r.entries.put(lv1 + 4 * 0x200, section);
        r.entries.put(lv1 + 4 * 0x201, r.entries.encode("lv2link", lv2, null));
        r.entries.put(lv2 + 4 * 0x03, r.entries.encode("small", 0x8_4012_3000L, "r"));
        r.write(0x000, 0x7);
        r.write(0x004, 0x780 | 1 << 20 | 1 << 24 | 1 << 2);
        r.write(0x00C, lv1 >>> 12);
        r.write(0x010, 1);
        r.write(0x000, 0x5);
        assertThat(r.dma(0, 0x2001_2345, true)).isEqualTo(0x8_4011_2345L);
        assertThat(r.dma(0, 0x2010_3abc, false)).isEqualTo(0x8_4012_3ABCL);
        assertThat(r.dma(0, 0x2020_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x070)).as("FAULT_AR_VA").isEqualTo(0x2020_0000L);
        assertThat(r.read(0x060)).as("AR_PAGE").isEqualTo(1 << 1);
        r.write(0x064, 1 << 1);
        assertThat(r.model.interrupt(0)).isFalse();
        assertThat(r.model.faultPending()).isTrue();
        r.entries.put(lv1 + 4 * 0x202, r.entries.encode("section", 0x8_4020_0000L, "r"));
        r.write(0x000, 0x5);
        assertThat(r.lastEvent()).isEqualTo("dma m0 read 0x20200000 -> 0x840200000 (walk)");
        r.write(0x000, 0);
        assertThat(r.dma(0, 0x2020_0000, false)).as("bypass").isEqualTo(0x2020_0000L);
    }

    @Test
    void exynosV7() {
        ExampleRig r = new ExampleRig("exynos-sysmmu-v7");
        assertThat(r.read(0x034) >>> 28).as("major version").isEqualTo(7);
        assertThat(r.read(0x870) & 1 << 11).as("CAPA0_CAPA1_EXIST: not the VM layout").isZero();
        long lv1 = 0x8_0010_0000L;
        r.entries.put(lv1 + 4 * 0x200, r.entries.encode("section", 0x8_4010_0000L, "r"));
        // enable as v5: block, CFG, PT_BASE = pgd >> 12, FLUSH_ALL, ENABLE
        r.write(0x000, 0x7);
        r.write(0x004, 0x780 | 1 << 20 | 1 << 24 | 1 << 2);
        r.write(0x00C, lv1 >>> 12);
        r.write(0x010, 1);
        r.write(0x000, 0x5);
        assertThat(r.dma(0, 0x2001_2345, false)).isEqualTo(0x8_4011_2345L);
        // a write to the read-only section: one FAULT_VA, the direction in FAULT_INFO bit 20
        assertThat(r.dma(0, 0x2001_2345, true)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x070)).as("FAULT_VA").isEqualTo(0x2001_2345L);
        assertThat(r.read(0x078)).as("FAULT_INFO: write").isEqualTo(1L << 20);
        assertThat(r.read(0x060)).as("ACCESS_PROTECTION").isEqualTo(1 << 2);
        assertThat(r.model.interrupt(0)).isTrue();
        r.write(0x064, 1 << 2);
        assertThat(r.model.interrupt(0)).isFalse();
        r.entries.put(lv1 + 4 * 0x200, r.entries.encode("section", 0x8_4010_0000L, "rw"));
        r.write(0x014, 0x2001_2000 | 1);
        r.write(0x000, 0x5);
        assertThat(r.lastEvent()).isEqualTo("dma m0 write 0x20012345 -> 0x840112345 (walk)");
        // an unmapped read: same FAULT_VA, FAULT_INFO says read
        assertThat(r.dma(0, 0x2020_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x070)).isEqualTo(0x2020_0000L);
        assertThat(r.read(0x078)).as("FAULT_INFO: read").isZero();
        assertThat(r.read(0x060)).as("PAGE").isEqualTo(1 << 1);
    }

    @Test
    void exynosV7Vm() {
        ExampleRig r = new ExampleRig("exynos-sysmmu-v7-vm");
        assertThat(r.read(0x870) & 1 << 11).as("CAPA0_CAPA1_EXIST").isNotZero();
        assertThat(r.read(0x874) & 1 << 14).as("CAPA1_VCR_ENABLED").isNotZero();
        long lv1 = 0x8_0010_0000L;
        r.entries.put(lv1 + 4 * 0x200, r.entries.encode("section", 0x8_4010_0000L, "rw"));
        // enable: block, CFG, PT_BASE (0x800C), FLUSH_ALL (0x8010), CTRL_VM |= 0x9, ENABLE
        r.write(0x000, 0x7);
        r.write(0x004, 0x780 | 1 << 20 | 1 << 24 | 1 << 2);
        r.write(0x800C, lv1 >>> 12);
        r.write(0x8010, 1);
        r.write(0x8000, r.read(0x8000) | 0x9);
        r.write(0x000, 0x5);
        assertThat(r.read(0x8000)).as("CTRL_VM").isEqualTo(0x9);
        assertThat(r.dma(0, 0x2001_2345, true)).isEqualTo(0x8_4011_2345L);
        assertThat(r.dma(0, 0x2020_0000, true)).isEqualTo(IommuModel.FAULT);
        assertThat(r.read(0x1000)).as("FAULT_VA").isEqualTo(0x2020_0000L);
        assertThat(r.read(0x1004)).as("FAULT_INFO: write").isEqualTo(1L << 20);
        assertThat(r.read(0x060)).as("PAGE").isEqualTo(1 << 1);
        r.write(0x064, 1 << 1);
        r.entries.put(lv1 + 4 * 0x202, r.entries.encode("section", 0x8_4020_0000L, "rw"));
        r.write(0x000, 0x5);
        assertThat(r.lastEvent()).isEqualTo("dma m0 write 0x20200000 -> 0x840200000 (walk)");
        // the entry flush at 0x8014 drops a cached section
        r.entries.put(lv1 + 4 * 0x202, r.entries.encode("section", 0x8_4030_0000L, "rw"));
        assertThat(r.dma(0, 0x2020_0000, false)).as("still cached").isEqualTo(0x8_4020_0000L);
        r.write(0x8014, 0x2020_0000 | 1);
        assertThat(r.dma(0, 0x2020_0000, false)).isEqualTo(0x8_4030_0000L);
    }

    @Test
    void verisilicon() {
        ExampleRig r = new ExampleRig("verisilicon-iommu-1.2");
        long pta = 0x10_0000;
        long dt = 0x10_1000;
        long pt = 0x10_2000;
        r.entries.put(pta, 8, r.entries.encode("pta", dt, null));
        r.entries.put(dt + 4 * 1, r.entries.encode("dte", pt, null));
        long pte = r.entries.encode("pte", 0xAB_1234_5000L, "rw");
        assertThat(pte).isEqualTo(0x1234_5AB5L);
        r.entries.put(pt + 4 * 3, pte);
        r.entries.put(pt + 4 * 4, r.entries.encode("pte", 0x7000_0000L, "r"));
        // enable(pta): program, then the flush pulse
        r.write(0x38C, pta);
        r.write(0x1AC, 1 << 28);
        r.write(0x380, 1);
        r.write(0x388, 1);
        r.write(0x184, 1 << 4);
        r.write(0x184, 0);
        assertThat(r.dma(0, 0x0040_3123, true)).isEqualTo(0xAB_1234_5123L);
        assertThat(r.dma(0, 0x0040_4123, true)).isEqualTo(IommuModel.FAULT);
        assertThat(r.trace.text()).contains("permission fault at level 2, abort");
        assertThat(r.model.interrupt(0)).isTrue();
        // fault: STATUS, the fault address at the read view of 0x380, clear by writing 0
        assertThat(r.read(0x384)).isEqualTo(1);
        assertThat(r.read(0x380)).isEqualTo(0x0040_4123L);
        r.write(0x384, 0);
        assertThat(r.model.interrupt(0)).isFalse();
        assertThat(r.dma(0, 0x0080_0000, false)).as("empty DTE").isEqualTo(IommuModel.FAULT);
        assertThat(r.trace.text()).contains("translation fault at level 1, abort");
        // disable
        r.write(0x388, 0);
        assertThat(r.dma(0, 0x0040_3123, true)).isEqualTo(0x0040_3123L);
    }
}
