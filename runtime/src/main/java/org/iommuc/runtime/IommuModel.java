package org.iommuc.runtime;

/**
 * A model of one IOMMU instance, programmed as hardware is: through MMIO and memory. Every
 * method is total: bad input (an unmapped offset, a wrong width, an IOVA beyond the input
 * width, a table beyond the output width) gives a bus error, a fault or an outcome, recorded
 * in the trace, never an exception.
 */
public interface IommuModel {

    /** A DMA transaction faulted (see {@link #lastFaultKind()}). */
    long FAULT = -1;
    /** A DMA transaction was held: the IOMMU is stalled, or waits for a stalled fault. */
    long STALLED = -2;
    /** A DMA transaction was refused: translation blocked, or the power is off. */
    long BLOCKED = -3;
    /** A DMA transaction's address is beyond the output-address width (bypass). */
    long BUS_ERROR = -4;

    ModelConfig config();

    RegisterMap registers();

    /** Reads a register as software does; 0 (and a bus error in the trace) where nothing answers. */
    long mmioRead(long offset, int widthBits);

    /** Writes a register as software does; false (and a bus error in the trace) where nothing answers. */
    boolean mmioWrite(long offset, int widthBits, long value);

    /**
     * Translates one DMA access of a master: the output address (>= 0; for a fault whose
     * handler redirects the access, the address it gave), or {@link #FAULT}, {@link #STALLED},
     * {@link #BLOCKED} or {@link #BUS_ERROR}.
     */
    long translate(int master, long iova, boolean write);

    /** Memory as the CPU (driver) and the walker see it. */
    SystemMemory memory();

    /** A CPU write to memory, traced (a page-table update by the driver). */
    void cpuWrite(long address, int bytes, long value);

    /** A cache clean of a memory range, traced (dma_sync_single_for_device). */
    void clean(long address, long length);

    void powerOff();

    void powerOn();

    boolean powered();

    TranslationMode translationMode();

    /** True while an interrupt line is asserted ({@link ModelConfig#interruptNames()} order). */
    boolean interrupt(int line);

    FaultKind lastFaultKind();

    /** The trace events go to; {@link Trace#OFF} by default. */
    void setTrace(Trace trace);

    Trace trace();

    /** The TLB, for tests and checkers. */
    TranslationCache tlb();

    /** The walk cache, for tests and checkers. */
    TranslationCache walkCache();
}
