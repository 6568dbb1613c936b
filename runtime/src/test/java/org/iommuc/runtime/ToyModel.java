package org.iommuc.runtime;

/**
 * A small hand-written model on the engine, for the engine's tests: one 32-bit IOVA, 4 KiB
 * pages, a two-level table of 32-bit entries (bit 0 valid, bit 1 writable, bits 31:12 address),
 * a CTRL register (bit 0 enable, bit 1 stall), a ROOT register, a FLUSH register (write: IOVA to
 * invalidate, 0xFFFFFFFF for all), a W1C STATUS with bit 0 fault, FAULT_ADDR, and a computed
 * IRQ register.
 */
final class ToyModel extends IommuEngine {

    static final int CTRL = 0;
    static final int ROOT = 1;
    static final int FLUSH = 2;
    static final int STATUS = 3;
    static final int FAULT_ADDR = 4;
    static final int IRQ = 5;

    static RegisterMap registerMap() {
        return RegisterMap.builder()
                .add("CTRL", 0x00, 32, 0).losesPower()
                .add("ROOT", 0x04, 32, 0).losesPower()
                .add("FLUSH", 0x08, 32, 0).writeOnly()
                .add("STATUS", 0x0C, 32, 0).writable(0).w1c(1)
                .add("FAULT_ADDR", 0x10, 32, 0).writable(0)
                .add("IRQ", 0x14, 32, 0).writable(0).computed()
                .build();
    }

    static ModelConfig config(boolean stallOnFault) {
        return new ModelConfig("toy", 32, 32, 0, 0xFFFF_FFFFL, new int[] {12}, false, false, 4, 4,
                TranslationMode.BYPASS, true, new String[] {"irq"}, WalkerView.NONCOHERENT, 1);
    }

    private final boolean stallOnFault;
    private boolean redirecting;
    private long redirectTo;

    ToyModel(boolean strict, boolean stallOnFault) {
        super(config(stallOnFault), registerMap(), new SystemMemory(new PhysicalMemory(32), WalkerView.NONCOHERENT), strict);
        this.stallOnFault = stallOnFault;
    }

    @Override
    protected void onWrite(int slot, long value) {
        if (slot == CTRL) {
            setTranslation((value & 1) != 0 ? TranslationMode.ON : TranslationMode.BYPASS);
            if (((value >>> 1) & 1) != stalledBit()) {
                setStall((value & 2) != 0);
            }
        } else if (slot == FLUSH) {
            if (value == 0xFFFF_FFFFL) {
                invalidateTlbAll();
            } else {
                invalidateTlbPage(value);
            }
        } else if (slot == STATUS && (value & 1) != 0) {
            faultResume();
        }
    }

    private long stalledBit() {
        return stalled() ? 1 : 0;
    }

    @Override
    protected long computed(int slot) {
        return reg(STATUS) & 1;
    }

    @Override
    protected long walk(int master, long iova, boolean write) {
        long root = reg(ROOT) & 0xFFFF_F000L;
        long pdeAddress = root + ((iova >>> 22) & 0x3FF) * 4;
        long pde = readEntry(0, pdeAddress, 4);
        if ((pde & 1) == 0) {
            return fault(FaultKind.TRANSLATION, 0, pde);
        }
        long pteAddress = (pde & 0xFFFF_F000L) + ((iova >>> 12) & 0x3FF) * 4;
        long pte = readEntry(1, pteAddress, 4);
        if ((pte & 1) == 0) {
            fillTlb(master, iova, 12, 0, pte, 0, 1, true);
            return fault(FaultKind.TRANSLATION, 1, pte);
        }
        long page = pte & 0xFFFF_F000L;
        fillTlb(master, iova, 12, page, pte, 0, 1, false);
        if (!permits(pte, 0, master, write, iova)) {
            return fault(FaultKind.PERMISSION, 1, pte);
        }
        return page | (iova & 0xFFF);
    }

    @Override
    protected boolean permits(long entry, int kind, int master, boolean write, long iova) {
        return !write || (entry & 2) != 0;
    }

    @Override
    protected FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level, long entry) {
        setReg(STATUS, reg(STATUS) | 1);
        setReg(FAULT_ADDR, iova);
        if (redirecting) {
            redirect(redirectTo);
            return FaultAction.REDIRECT;
        }
        return stallOnFault ? FaultAction.STALL : FaultAction.ABORT;
    }

    /** From now on every fault is redirected to {@code address} (as {@code redirect address;} does). */
    void redirectFaultsTo(long address) {
        redirecting = true;
        redirectTo = address;
    }

    @Override
    protected long interruptLines() {
        return reg(STATUS) & 1;
    }
}
