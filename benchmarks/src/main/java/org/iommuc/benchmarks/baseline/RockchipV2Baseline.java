package org.iommuc.benchmarks.baseline;

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
 * A hand-written model of the Rockchip IOMMU with the v2 page-table format (RK3568, RK3588), the
 * performance baseline generated models are measured against. Written from the hardware facts
 * (section 1) and {@code examples/rockchip-v2.iommu}, following docs/model-semantics.md, so that it
 * produces the same event trace as a generated model or the interpreter for the same operations.
 *
 * <p>What it models: one register bank (DTE_ADDR, STATUS, the COMMAND codes, PAGE_FAULT_ADDR,
 * ZAP_ONE_LINE and the interrupt registers); a two-level walk of 32-bit entries over 40-bit
 * physical addresses, PA[35:32] in entry bits 11:8 and PA[39:36] in bits 7:4; a TLB caching leaves
 * and invalid entries; a non-coherent walker; a page or permission fault recorded in STATUS,
 * PAGE_FAULT_ADDR and INT_RAWSTAT and stalled until PAGE_FAULT_DONE; FORCE_RESET; every register
 * lost on power-off.
 *
 * <p>Tuned as one would tune a model by hand: the walk is straight-line code on primitives with
 * the geometry and the entry decoding folded into constants, it allocates nothing, and the trace
 * costs one check per event when it is off (the engine's).
 */
public final class RockchipV2Baseline extends IommuEngine {

    // Register slots, in declaration order (docs/model-semantics.md, section 1).
    static final int DTE_ADDR = 0;
    static final int STATUS = 1;
    static final int COMMAND = 2;
    static final int PAGE_FAULT_ADDR = 3;
    static final int ZAP_ONE_LINE = 4;
    static final int INT_RAWSTAT = 5;
    static final int INT_CLEAR = 6;
    static final int INT_MASK = 7;
    static final int INT_STATUS = 8;
    static final int AUTO_GATING = 9;

    // STATUS bits.
    static final long PAGING_ENABLED = 1L << 0;
    static final long PAGE_FAULT_ACTIVE = 1L << 1;
    static final long STALL_ACTIVE = 1L << 2;
    static final long IDLE = 1L << 3;
    static final long REPLAY_BUFFER_EMPTY = 1L << 4;
    static final long PAGE_FAULT_IS_WRITE = 1L << 5;
    static final long STALL_NOT_ACTIVE = 1L << 31;
    static final long STATUS_RESET = IDLE | REPLAY_BUFFER_EMPTY | STALL_NOT_ACTIVE;

    // COMMAND.CMD (bits 2:0) codes.
    static final long CMD_MASK = 0x7;
    static final int ENABLE_PAGING = 0;
    static final int DISABLE_PAGING = 1;
    static final int ENABLE_STALL = 2;
    static final int DISABLE_STALL = 3;
    static final int ZAP_CACHE = 4;
    static final int PAGE_FAULT_DONE = 5;
    static final int FORCE_RESET = 6;

    // INT_RAWSTAT / INT_MASK / INT_STATUS bits.
    static final long INT_PAGE_FAULT = 1L << 0;
    static final long INT_BUS_ERROR = 1L << 1;

    // Entry bits common to the v2 DTE and PTE.
    static final long VALID = 1L << 0;
    static final long READABLE = 1L << 1;
    static final long WRITABLE = 1L << 2;

    /** The position of the {@code pte} format in the description's format list ({@code dte} is 0). */
    static final int PTE_FORMAT = 1;

    // Walk geometry: DT index iova[31:22], PT index iova[21:12], 4-byte entries, 4 KiB pages.
    static final int DT_LEVEL = 0;
    static final int PT_LEVEL = 1;
    static final int DT_COVER_SHIFT = 22;
    static final int PAGE_SHIFT = 12;
    static final long INDEX_MASK = 0x3FF;
    static final long PAGE_OFFSET_MASK = 0xFFF;
    static final int ENTRY_BYTES = 4;

    private static final int IOVA_BITS = 32;
    private static final int OA_BITS = 40;

    /** A model with its own 40-bit memory, in strict mode (every cached entry kept until invalidated). */
    public RockchipV2Baseline() {
        this(new SystemMemory(new PhysicalMemory(OA_BITS), WalkerView.NONCOHERENT), true);
    }

    /** A model on the given memory; see {@link IommuEngine} for {@code strict}. */
    public RockchipV2Baseline(SystemMemory memory, boolean strict) {
        super(configuration(), registerMap(), memory, strict);
    }

    /**
     * The configuration of docs/model-semantics.md, section 2: a 32-bit IOVA with the whole space
     * as aperture, 40-bit output, 4 KiB pages; as the TLB caches invalid entries, cached empty
     * entries cover a page (12) or a whole page table (22); reset in bypass; one interrupt line.
     */
    public static ModelConfig configuration() {
        return new ModelConfig("rockchip_v2", IOVA_BITS, OA_BITS, 0, 0xFFFF_FFFFL, new int[] {PAGE_SHIFT, DT_COVER_SHIFT},
                false, false, 0, 0, TranslationMode.BYPASS, true, new String[] {"irq"}, WalkerView.NONCOHERENT, 1);
    }

    /** The registers of one bank; {@code power loses all}. */
    public static RegisterMap registerMap() {
        return RegisterMap.builder()
                .add("DTE_ADDR", 0x00, 32, 0).losesPower()
                .add("STATUS", 0x04, 32, STATUS_RESET).writable(0).losesPower()
                .add("COMMAND", 0x08, 32, 0).writeOnly().losesPower()
                .add("PAGE_FAULT_ADDR", 0x0C, 32, 0).writable(0).losesPower()
                .add("ZAP_ONE_LINE", 0x10, 32, 0).writeOnly().losesPower()
                .add("INT_RAWSTAT", 0x14, 32, 0).writable(0).losesPower()
                .add("INT_CLEAR", 0x18, 32, 0).writable(0).w1c(0xFFFF_FFFFL).clears(INT_RAWSTAT).losesPower()
                .add("INT_MASK", 0x1C, 32, 0).losesPower()
                .add("INT_STATUS", 0x20, 32, 0).writable(0).computed().losesPower()
                .add("AUTO_GATING", 0x24, 32, 0).losesPower()
                .build();
    }

    // ---------------------------------------------------------------------------------------
    // Behaviour rules

    @Override
    protected void onWrite(int slot, long value) {
        if (slot == COMMAND) {
            command((int) (value & CMD_MASK));
        } else if (slot == ZAP_ONE_LINE) {
            invalidateTlbPage(value);
        }
    }

    private void command(int code) {
        switch (code) {
            case ENABLE_PAGING:
                setTranslation(TranslationMode.ON);
                setStatus(PAGING_ENABLED, true);
                break;
            case DISABLE_PAGING:
                setTranslation(TranslationMode.BYPASS);
                setStatus(PAGING_ENABLED, false);
                break;
            case ENABLE_STALL:
                // "Stall can only be enabled if paging is enabled" (rk_iommu_enable_stall).
                if ((reg(STATUS) & PAGING_ENABLED) != 0) {
                    setStall(true);
                    setStatus(STALL_ACTIVE, true);
                    setStatus(STALL_NOT_ACTIVE, false);
                }
                break;
            case DISABLE_STALL:
                setStall(false);
                setStatus(STALL_ACTIVE, false);
                setStatus(STALL_NOT_ACTIVE, true);
                break;
            case ZAP_CACHE:
                invalidateTlbAll();
                break;
            case PAGE_FAULT_DONE:
                setStatus(PAGE_FAULT_ACTIVE, false);
                faultResume();
                break;
            case FORCE_RESET:
                resetAll();
                break;
            default:
                break;
        }
    }

    private void setStatus(long bit, boolean on) {
        long status = reg(STATUS);
        setReg(STATUS, on ? status | bit : status & ~bit);
    }

    @Override
    protected long computed(int slot) {
        return reg(INT_RAWSTAT) & reg(INT_MASK);
    }

    @Override
    protected long interruptLines() {
        return (reg(INT_RAWSTAT) & reg(INT_MASK)) != 0 ? 1 : 0;
    }

    // ---------------------------------------------------------------------------------------
    // The walk

    /**
     * The two-level walk. Entry addresses cannot leave the 40-bit output width (a decoded table
     * address is below 2^40 and 4 KiB aligned, the index adds less than 4 KiB), so the walk has no
     * bus fault to check for.
     */
    @Override
    protected long walk(int master, long iova, boolean write) {
        long dteAddress = address(reg(DTE_ADDR)) + ((iova >>> DT_COVER_SHIFT) & INDEX_MASK) * ENTRY_BYTES;
        long dte = readEntry(DT_LEVEL, dteAddress, ENTRY_BYTES);
        if ((dte & VALID) == 0) {
            fillTlb(master, iova, DT_COVER_SHIFT, 0, dte, -1, DT_LEVEL, true);
            return fault(FaultKind.TRANSLATION, DT_LEVEL, dte);
        }
        long pteAddress = address(dte) + ((iova >>> PAGE_SHIFT) & INDEX_MASK) * ENTRY_BYTES;
        long pte = readEntry(PT_LEVEL, pteAddress, ENTRY_BYTES);
        if ((pte & VALID) == 0) {
            fillTlb(master, iova, PAGE_SHIFT, 0, pte, -1, PT_LEVEL, true);
            return fault(FaultKind.TRANSLATION, PT_LEVEL, pte);
        }
        long page = address(pte);
        fillTlb(master, iova, PAGE_SHIFT, page, pte, PTE_FORMAT, PT_LEVEL, false);
        if ((pte & (write ? WRITABLE : READABLE)) == 0) {
            return fault(FaultKind.PERMISSION, PT_LEVEL, pte);
        }
        return page | (iova & PAGE_OFFSET_MASK);
    }

    /**
     * The address a v2 DTE, PTE or DTE_ADDR value points at: entry bits 31:12 are PA[31:12],
     * bits 11:8 PA[35:32] and bits 7:4 PA[39:36] (rk_dte_pt_address_v2).
     */
    static long address(long entry) {
        return (entry & 0xFFFF_F000L) | (entry & 0xF00L) << 24 | (entry & 0xF0L) << 32;
    }

    @Override
    protected boolean permits(long entry, int kind, int master, boolean write, long iova) {
        return (entry & (write ? WRITABLE : READABLE)) != 0;
    }

    // ---------------------------------------------------------------------------------------
    // Faults

    @Override
    protected FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level, long entry) {
        switch (kind) {
            case TRANSLATION:
            case PERMISSION:
                setReg(PAGE_FAULT_ADDR, iova);
                setStatus(PAGE_FAULT_ACTIVE, true);
                setStatus(PAGE_FAULT_IS_WRITE, write);
                setReg(INT_RAWSTAT, reg(INT_RAWSTAT) | INT_PAGE_FAULT);
                return FaultAction.STALL;
            case BUS:
                setReg(PAGE_FAULT_ADDR, iova);
                setReg(INT_RAWSTAT, reg(INT_RAWSTAT) | INT_BUS_ERROR);
                return FaultAction.ABORT;
            default:
                return FaultAction.UNHANDLED;
        }
    }
}
