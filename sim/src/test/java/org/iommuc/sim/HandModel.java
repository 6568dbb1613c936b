package org.iommuc.sim;

import org.iommuc.runtime.FaultAction;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.ModelConfig;
import org.iommuc.runtime.PhysicalMemory;
import org.iommuc.runtime.RegisterMap;
import org.iommuc.runtime.SystemMemory;
import org.iommuc.runtime.TranslationMode;
import org.iommuc.runtime.WalkerView;

/**
 * The description {@link #TEXT} written by hand on the engine, following docs/model-semantics.md
 * line by line, as a generated model would be: the other side of the differential sanity test.
 * {@code skipLine} leaves out the {@code line 2} fill, to show that the harness catches it.
 */
class HandModel extends IommuEngine {

    static final String TEXT = """
            iommu toy {
                iova 32;
                oa 32;
                power loses all except ROOT;
                registers {
                    CTRL       0x00 rw { EN 0; STALL 1; }
                    ROOT       0x04 rw;
                    FLUSH      0x08 wo;
                    STATUS     0x0C ro { FAULT 0; WRITE 1; }
                    CLEAR      0x10 w1c clears STATUS { FAULT 0; }
                    FAULT_ADDR 0x14 ro;
                    MASK       0x18 rw reset 1;
                    IRQ        0x1C ro = STATUS & MASK;
                    CMD        0x20 wo { OP 1:0 enum { RESUME = 1, ABORT = 2, ZAP = 3 } }
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
                    empty l2 fault clear valid;
                    walker noncoherent;
                }
                tlb { caches leaf, invalid; line 2; }
                behaviour {
                    on write CTRL.EN == 1 { translation on; }
                    on write CTRL.EN == 0 { translation bypass; }
                    on write CTRL.STALL == 1 { stall on; }
                    on write CTRL.STALL == 0 { stall off; }
                    on write FLUSH { invalidate tlb page(value); }
                    on write CMD.OP == RESUME { fault resume; STATUS.FAULT = 0; }
                    on write CMD.OP == ABORT { fault abort; STATUS.FAULT = 0; }
                    on write CMD.OP == ZAP { invalidate tlb all; }
                }
                fault translation, permission { FAULT_ADDR = iova; STATUS.FAULT = 1; STATUS.WRITE = write; stall; }
                fault bus { STATUS.FAULT = 1; }
                interrupt irq = IRQ != 0;
            }
            """;

    static final int CTRL = 0;
    static final int ROOT = 1;
    static final int FLUSH = 2;
    static final int STATUS = 3;
    static final int CLEAR = 4;
    static final int FAULT_ADDR = 5;
    static final int MASK = 6;
    static final int IRQ = 7;
    static final int CMD = 8;
    static final int PTE = 1;

    private final boolean skipLine;

    HandModel(boolean skipLine) {
        super(modelConfig(), registerMap(), new SystemMemory(new PhysicalMemory(32), WalkerView.NONCOHERENT), true);
        this.skipLine = skipLine;
    }

    static RegisterMap registerMap() {
        return RegisterMap.builder()
                .add("CTRL", 0x00, 32, 0).losesPower()
                .add("ROOT", 0x04, 32, 0)
                .add("FLUSH", 0x08, 32, 0).writeOnly().losesPower()
                .add("STATUS", 0x0C, 32, 0).writable(0).losesPower()
                .add("CLEAR", 0x10, 32, 0).writable(0).w1c(0xFFFF_FFFFL).clears(STATUS).losesPower()
                .add("FAULT_ADDR", 0x14, 32, 0).writable(0).losesPower()
                .add("MASK", 0x18, 32, 1).losesPower()
                .add("IRQ", 0x1C, 32, 0).writable(0).computed().losesPower()
                .add("CMD", 0x20, 32, 0).writeOnly().losesPower()
                .build();
    }

    static ModelConfig modelConfig() {
        return new ModelConfig("toy", 32, 32, 0, 0xFFFF_FFFFL, new int[] {12, 22}, false, false, 0, 0, TranslationMode.BYPASS,
                true, new String[] {"irq"}, WalkerView.NONCOHERENT, 1);
    }

    @Override
    protected void onWrite(int slot, long value) {
        switch (slot) {
            case CTRL -> {
                if ((value & 1) == 1) {
                    setTranslation(TranslationMode.ON);
                }
                if ((value & 1) == 0) {
                    setTranslation(TranslationMode.BYPASS);
                }
                if ((value >>> 1 & 1) == 1) {
                    setStall(true);
                }
                if ((value >>> 1 & 1) == 0) {
                    setStall(false);
                }
            }
            case FLUSH -> invalidateTlbPage(value);
            case CMD -> command(value & 3);
            default -> {
            }
        }
    }

    private void command(long op) {
        if (op == 1) {
            faultResume();
            setReg(STATUS, reg(STATUS) & ~1L);
        }
        if (op == 2) {
            faultAbort();
            setReg(STATUS, reg(STATUS) & ~1L);
        }
        if (op == 3) {
            invalidateTlbAll();
        }
    }

    @Override
    protected long computed(int slot) {
        return reg(STATUS) & reg(MASK);
    }

    @Override
    protected long walk(int master, long iova, boolean write) {
        long root = reg(ROOT);
        long pdeAddress = root + (iova >>> 22 & 0x3FF) * 4;
        if (!oaContains(pdeAddress, 4)) {
            return fault(FaultKind.BUS, 0, 0);
        }
        long pde = readEntry(0, pdeAddress, 4);
        if ((pde & 1) != 1) {
            fillTlb(master, iova, 22, 0, pde, -1, 0, true);
            return fault(FaultKind.TRANSLATION, 0, pde);
        }
        long table = pde & 0xFFFF_F000L;
        long index = iova >>> 12 & 0x3FF;
        long pteAddress = table + index * 4;
        if (!oaContains(pteAddress, 4)) {
            return fault(FaultKind.BUS, 1, 0);
        }
        long pte = readEntry(1, pteAddress, 4);
        if ((pte & 1) != 1) {
            fillTlb(master, iova, 12, 0, pte, -1, 1, true);
            return fault(FaultKind.TRANSLATION, 1, pte);
        }
        long page = pte & 0xFFFF_F000L;
        fillTlb(master, iova, 12, page, pte, PTE, 1, false);
        if (!skipLine) {
            long other = index ^ 1;
            long otherAddress = table + other * 4;
            if (oaContains(otherAddress, 4)) {
                long entry = readEntry(1, otherAddress, 4);
                long otherIova = (iova & ~(0x3FFL << 12)) | other << 12;
                if ((entry & 1) != 1) {
                    fillTlb(master, otherIova, 12, 0, entry, -1, 1, true);
                } else {
                    fillTlb(master, otherIova, 12, entry & 0xFFFF_F000L, entry, PTE, 1, false);
                }
            }
        }
        if (!permits(pte, PTE, master, write, iova)) {
            return fault(FaultKind.PERMISSION, 1, pte);
        }
        return page + (iova & 0xFFF);
    }

    @Override
    protected boolean permits(long entry, int kind, int master, boolean write, long iova) {
        return !write || (entry >>> 1 & 1) != 0;
    }

    @Override
    protected FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level, long entry) {
        switch (kind) {
            case TRANSLATION, PERMISSION -> {
                setReg(FAULT_ADDR, iova);
                setReg(STATUS, reg(STATUS) | 1);
                setReg(STATUS, (reg(STATUS) & ~2L) | (write ? 2 : 0));
                return FaultAction.STALL;
            }
            case BUS -> {
                setReg(STATUS, reg(STATUS) | 1);
                return FaultAction.ABORT;
            }
            default -> {
                return FaultAction.UNHANDLED;
            }
        }
    }

    @Override
    protected long interruptLines() {
        return (computed(IRQ) & 0xFFFF_FFFFL) != 0 ? 1 : 0;
    }
}
