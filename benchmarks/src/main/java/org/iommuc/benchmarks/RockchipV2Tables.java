package org.iommuc.benchmarks;

import org.iommuc.runtime.IommuModel;

/**
 * A small Rockchip v2 driver for benchmarks and tests: page tables in a model's memory, written as
 * {@code drivers/iommu/rockchip-iommu.c} writes them, and the register sequences that point the
 * IOMMU at them. It programs any Rockchip v2 model (the hand-written baseline, a generated model,
 * the interpreter) through MMIO and memory only, as the driver programs hardware.
 *
 * <ul>
 *   <li>Tables are 4 KiB pages taken in order from a bump allocator starting at a given physical
 *       address (v2 takes tables anywhere in 40 bits); fresh memory reads zero, as the driver's
 *       zeroed allocations do.</li>
 *   <li>Every table write is a CPU write followed by a clean of the entries written
 *       ({@code rk_table_flush}): one DTE when a page table is added, the PTEs of one page
 *       table per map or unmap step.</li>
 *   <li>Map zaps the first and the last page mapped ({@code rk_iommu_zap_iova_first_last});
 *       unmap clears bit 0 of each PTE ({@code rk_mk_pte_invalid}) and leaves the zap to the
 *       caller, so tests can show what a missing one does. Zaps are skipped while the model is
 *       powered off, as the driver skips them for a suspended IOMMU.</li>
 * </ul>
 *
 * Entries are built with the arithmetic of {@code rk_mk_dte_v2} and {@code rk_mk_pte_v2}.
 */
public final class RockchipV2Tables {

    // Register offsets (RK_MMU_*).
    public static final long DTE_ADDR = 0x00;
    public static final long STATUS = 0x04;
    public static final long COMMAND = 0x08;
    public static final long PAGE_FAULT_ADDR = 0x0C;
    public static final long ZAP_ONE_LINE = 0x10;
    public static final long INT_RAWSTAT = 0x14;
    public static final long INT_CLEAR = 0x18;
    public static final long INT_MASK = 0x1C;
    public static final long INT_STATUS = 0x20;

    // COMMAND codes (RK_MMU_CMD_*).
    public static final int CMD_ENABLE_PAGING = 0;
    public static final int CMD_DISABLE_PAGING = 1;
    public static final int CMD_ENABLE_STALL = 2;
    public static final int CMD_DISABLE_STALL = 3;
    public static final int CMD_ZAP_CACHE = 4;
    public static final int CMD_PAGE_FAULT_DONE = 5;
    public static final int CMD_FORCE_RESET = 6;

    // STATUS bits the driver reads.
    public static final long STATUS_PAGING_ENABLED = 1L << 0;
    public static final long STATUS_STALL_ACTIVE = 1L << 2;
    public static final long STATUS_PAGE_FAULT_IS_WRITE = 1L << 5;

    /** RK_MMU_IRQ_MASK: page fault and bus error. */
    public static final long IRQ_MASK = 0x3;
    public static final long IRQ_PAGE_FAULT = 1L << 0;

    public static final long PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;
    private static final int DT_SHIFT = 22;
    private static final long PTES_PER_TABLE = 1024;
    private static final long DTE_ADDR_DUMMY = 0xCAFE_BABEL;
    /** RK_MMU_POLL_TIMEOUT_US / RK_MMU_POLL_PERIOD_US: the reads a poll makes before it gives up. */
    private static final int POLL_READS = 10;

    private final IommuModel model;
    private final long directory;
    private final long[] pageTables = new long[1024];
    private long nextTable;
    private int tablePages;

    /** Tables for {@code model}, the directory at {@code firstTable} (4 KiB aligned) and page tables after it. */
    public RockchipV2Tables(IommuModel model, long firstTable) {
        if ((firstTable & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("tables must be 4 KiB aligned: 0x" + Long.toHexString(firstTable));
        }
        this.model = model;
        this.nextTable = firstTable;
        this.directory = allocateTable();
    }

    /** The directory table's physical address. */
    public long directory() {
        return directory;
    }

    /** Table pages allocated so far, the directory included. */
    public int tablePages() {
        return tablePages;
    }

    /** The physical address of the PTE for {@code iova}, or -1 when its page table does not exist. */
    public long pteAddress(long iova) {
        long table = pageTables[dtIndex(iova)];
        return table == 0 ? -1 : table + ptIndex(iova) * 4;
    }

    /** The physical address of the DTE for {@code iova}. */
    public long dteAddress(long iova) {
        return directory + dtIndex(iova) * 4;
    }

    // ---------------------------------------------------------------------------------------
    // Entries (rk_mk_dte_v2, rk_mk_pte_v2, rk_dte_pt_address_v2)

    /** A v2 DTE: valid, PA[31:12] in bits 31:12, PA[35:32] in 11:8, PA[39:36] in 7:4. */
    public static long mkDte(long table) {
        long packed = (table & 0xFFFF_F000L) | (table & 0xF_0000_0000L) >>> 24 | (table & 0xF0_0000_0000L) >>> 32;
        return (packed & 0xFFFF_FFF0L) | 1;
    }

    /** A v2 PTE: {@link #mkDte} of the page, with the readable and writable bits. */
    public static long mkPte(long page, boolean readable, boolean writable) {
        return mkDte(page) | (readable ? 2 : 0) | (writable ? 4 : 0);
    }

    /** The address a v2 entry points at. */
    public static long entryAddress(long entry) {
        return (entry & 0xF0L) << 32 | (entry & 0xF00L) << 24 | (entry & 0xFFFF_F000L);
    }

    // ---------------------------------------------------------------------------------------
    // Page tables

    /**
     * Maps {@code pages} 4 KiB pages from {@code iova} to {@code pa} as rk_iommu_map does: PTEs
     * one page table at a time, each run cleaned, then a zap of the first and last page.
     *
     * @throws IllegalStateException when a page is already mapped (the driver's -EADDRINUSE)
     */
    public void map(long iova, long pa, long pages, boolean readable, boolean writable) {
        long done = 0;
        while (done < pages) {
            long first = iova + done * PAGE_SIZE;
            long run = Math.min(pages - done, PTES_PER_TABLE - ptIndex(first));
            long pte = pteAddressOrCreate(first);
            for (long i = 0; i < run; i++) {
                long address = pte + i * 4;
                if ((model.memory().cpuRead(address, 4) & 1) != 0) {
                    throw new IllegalStateException("IOVA 0x" + Long.toHexString(first + i * PAGE_SIZE) + " is already mapped");
                }
                model.cpuWrite(address, 4, mkPte(pa + (done + i) * PAGE_SIZE, readable, writable));
            }
            model.clean(pte, run * 4);
            done += run;
        }
        zap(iova, 1);
        if (pages > 1) {
            zap(iova + (pages - 1) * PAGE_SIZE, 1);
        }
    }

    /**
     * Unmaps {@code pages} pages from {@code iova} as rk_iommu_unmap_iova does (bit 0 of each PTE
     * cleared, the run cleaned), without the zap rk_iommu_unmap then issues: call {@link #zap}.
     */
    public void unmap(long iova, long pages) {
        long done = 0;
        while (done < pages) {
            long first = iova + done * PAGE_SIZE;
            long run = Math.min(pages - done, PTES_PER_TABLE - ptIndex(first));
            long pte = pteAddress(first);
            if (pte >= 0) {
                for (long i = 0; i < run; i++) {
                    long address = pte + i * 4;
                    model.cpuWrite(address, 4, model.memory().cpuRead(address, 4) & ~1L);
                }
                model.clean(pte, run * 4);
            }
            done += run;
        }
    }

    /** One ZAP_ONE_LINE per page (rk_iommu_zap_lines); nothing while the model is powered off. */
    public void zap(long iova, long pages) {
        if (!model.powered()) {
            return;
        }
        for (long i = 0; i < pages; i++) {
            model.mmioWrite(ZAP_ONE_LINE, 32, iova + i * PAGE_SIZE);
        }
    }

    /** COMMAND = ZAP_CACHE: the whole TLB. */
    public void zapAll() {
        command(CMD_ZAP_CACHE);
    }

    private long pteAddressOrCreate(long iova) {
        int index = dtIndex(iova);
        if (pageTables[index] == 0) {
            long table = allocateTable();
            pageTables[index] = table;
            long dte = dteAddress(iova);
            model.cpuWrite(dte, 4, mkDte(table));
            model.clean(dte, 4);
        }
        return pageTables[index] + ptIndex(iova) * 4;
    }

    private long allocateTable() {
        long table = nextTable;
        nextTable += PAGE_SIZE;
        tablePages++;
        return table;
    }

    private static int dtIndex(long iova) {
        return (int) (iova >>> DT_SHIFT) & 0x3FF;
    }

    private static long ptIndex(long iova) {
        return (iova >>> PAGE_SHIFT) & 0x3FF;
    }

    // ---------------------------------------------------------------------------------------
    // Register sequences

    /**
     * rk_iommu_enable: stall, force reset, DTE_ADDR = the directory's DTE, ZAP_CACHE, interrupts
     * on, paging on, unstall. False when a step fails as the driver's would (a read-back
     * mismatch or a poll timeout).
     */
    public boolean enable() {
        if (!enableStall() || !forceReset()) {
            return false;
        }
        model.mmioWrite(DTE_ADDR, 32, mkDte(directory));
        command(CMD_ZAP_CACHE);
        model.mmioWrite(INT_MASK, 32, IRQ_MASK);
        return enablePaging() && disableStall();
    }

    /** rk_iommu_disable: stall, paging off, interrupts off, DTE_ADDR = 0, unstall. */
    public boolean disable() {
        if (!enableStall() || !disablePaging()) {
            return false;
        }
        model.mmioWrite(INT_MASK, 32, 0);
        model.mmioWrite(DTE_ADDR, 32, 0);
        return disableStall();
    }

    /**
     * rk_iommu_irq for one bank: reads INT_STATUS and PAGE_FAULT_ADDR; for a page fault, zaps the
     * TLB and resumes the stalled transaction; clears the interrupt. Returns the fault's IOVA,
     * or -1 when the bank had nothing pending.
     */
    public long handleFault() {
        long status = model.mmioRead(INT_STATUS, 32);
        if (status == 0) {
            return -1;
        }
        long iova = model.mmioRead(PAGE_FAULT_ADDR, 32);
        if ((status & IRQ_PAGE_FAULT) != 0) {
            model.mmioRead(STATUS, 32);
            command(CMD_ZAP_CACHE);
            command(CMD_PAGE_FAULT_DONE);
        }
        model.mmioWrite(INT_CLEAR, 32, status);
        return iova;
    }

    /** rk_iommu_enable_stall: nothing when already stalled, or when paging is off. */
    private boolean enableStall() {
        long status = model.mmioRead(STATUS, 32);
        if ((status & STATUS_STALL_ACTIVE) != 0 || (status & STATUS_PAGING_ENABLED) == 0) {
            return true;
        }
        command(CMD_ENABLE_STALL);
        return poll(STATUS, STATUS_STALL_ACTIVE, STATUS_STALL_ACTIVE);
    }

    /** rk_iommu_disable_stall: nothing when not stalled. */
    private boolean disableStall() {
        if ((model.mmioRead(STATUS, 32) & STATUS_STALL_ACTIVE) == 0) {
            return true;
        }
        command(CMD_DISABLE_STALL);
        return poll(STATUS, STATUS_STALL_ACTIVE, 0);
    }

    /** rk_iommu_enable_paging: nothing when paging is on. */
    private boolean enablePaging() {
        if ((model.mmioRead(STATUS, 32) & STATUS_PAGING_ENABLED) != 0) {
            return true;
        }
        command(CMD_ENABLE_PAGING);
        return poll(STATUS, STATUS_PAGING_ENABLED, STATUS_PAGING_ENABLED);
    }

    /** rk_iommu_disable_paging: nothing when paging is off. */
    private boolean disablePaging() {
        if ((model.mmioRead(STATUS, 32) & STATUS_PAGING_ENABLED) == 0) {
            return true;
        }
        command(CMD_DISABLE_PAGING);
        return poll(STATUS, STATUS_PAGING_ENABLED, 0);
    }

    private boolean forceReset() {
        long dummy = entryAddress(DTE_ADDR_DUMMY) & 0xFFFF_FFFFL;
        model.mmioWrite(DTE_ADDR, 32, dummy);
        if (model.mmioRead(DTE_ADDR, 32) != dummy) {
            return false;
        }
        command(CMD_FORCE_RESET);
        return poll(DTE_ADDR, 0xFFFF_FFFFL, 0);
    }

    private void command(int code) {
        model.mmioWrite(COMMAND, 32, code);
    }

    private boolean poll(long offset, long mask, long expected) {
        for (int i = 0; i < POLL_READS; i++) {
            if ((model.mmioRead(offset, 32) & mask) == expected) {
                return true;
            }
        }
        return false;
    }
}
