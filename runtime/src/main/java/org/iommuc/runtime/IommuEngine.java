package org.iommuc.runtime;

/**
 * The engine every model runs on. It owns what all IOMMUs share and gives it one meaning:
 * register storage and software access ({@link RegisterMap}), the translation state, stalls,
 * the TLB and walk cache, memory, faults and stalled transactions, interrupts, power and the
 * trace. A model supplies what its description says, through the hooks:
 * {@link #onWrite}, {@link #onRead}, {@link #computed}, {@link #walk}, {@link #permits},
 * {@link #recordFault} and {@link #interruptLines}, and, for a description with a
 * {@code bypass if} item, {@link #bypasses}.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>MMIO write</b>: the access is traced; the register stores its writable bits, clears
 *       its w1c bits written 1 and those bits of its {@code clears} target; the {@code on write}
 *       rules run ({@link #onWrite}); self-clearing bits read 0 again; interrupts are updated.
 *       An unmapped offset, a wrong width or a powered-off instance is a bus error.</li>
 *   <li><b>MMIO read</b>: the value is the stored one (computed registers ask the model,
 *       write-only ones read 0); the access is traced; read-to-clear bits clear; the
 *       {@code on read} rules run; interrupts are updated.</li>
 *   <li><b>DMA</b>: from a master id outside {@code 0 .. masters - 1}: a bus error (no such
 *       master is wired to the IOMMU). Powered off: blocked. A stalled fault pending, or stall
 *       on: held. Bypass: the IOVA is the output address (a bus error beyond the output width).
 *       Block: refused.
 *       On: a transaction the model lets bypass ({@link #bypasses}, asked only by a model built
 *       with {@code bypassing}) passes as in bypass, with no aperture check, TLB lookup or fill,
 *       or walk. Otherwise an IOVA outside the aperture is an address fault; then the TLB is
 *       looked up for every page size (a cached empty entry is a translation fault without a
 *       walk; a cached leaf is checked by the permission rules again); on a miss the model
 *       walks ({@link #walk}), filling the caches as its description allows.</li>
 *   <li><b>Fault</b>: the model records it ({@link #recordFault}) and says whether the
 *       transaction stalls (it then waits for {@link #faultResume} or {@link #faultAbort}),
 *       aborts, or is redirected: it then completes at the output address the handler gave
 *       ({@link #redirect}), which is returned as the translation's result and traced as a
 *       fault with that address (an address beyond the output width is a bus error). A
 *       resume while stall is on retries the transaction at stall off. Interrupts are updated
 *       after every fault handler, whatever its action.</li>
 *   <li><b>Reset</b> ({@code reset;}): every register to its reset value, the reset
 *       translation state, stall off, caches empty, a stalled fault dropped.</li>
 *   <li><b>Power off</b> (with a {@code power} item): the registers it loses return to reset,
 *       caches are empty, translation and stall return to their reset state. While off, MMIO is
 *       a bus error and DMA is blocked.</li>
 * </ul>
 */
public abstract class IommuEngine implements IommuModel {

    private final ModelConfig config;
    private final RegisterMap map;
    private final SystemMemory memory;
    private final TranslationCache tlb;
    private final TranslationCache walkCache;
    private final int[] pageShifts;
    private final long oaLimit;
    private final long iovaLimit;
    private final long apertureFirst;
    private final long apertureLast;
    private final boolean tlbByMaster;
    private final boolean walkCacheByMaster;
    private final int masters;
    /** The model has a per-transaction bypass ({@link #bypasses}); false keeps it off the hot path. */
    private final boolean bypassing;
    /** Register values, one per slot; subclasses read and assign them through {@link #reg}. */
    private final long[] regs;
    private Trace trace = Trace.OFF;
    private TranslationMode mode;
    private boolean stalled;
    private boolean powered = true;
    private long interruptMask;
    /** Powered, translating, not stalled and no stalled fault: the common case, one test on the hot path. */
    private boolean normal;

    private boolean hasPending;
    private int pendingMaster;
    private long pendingIova;
    private boolean pendingWrite;
    /** A {@code fault resume} came while stalled: the pending transaction is retried at {@code stall off}. */
    private boolean resumeAfterStall;

    private FaultKind faultKind;
    private int faultLevel;
    private long faultEntry;
    private FaultKind lastFaultKind;
    /** The output address of a {@link FaultAction#REDIRECT}, set by {@link #redirect}. */
    private long redirectAddress;

    /**
     * @param strict keep every TLB and walk-cache entry until an invalidation removes it (the
     *     default in tests); otherwise bound them by the capacities of the configuration
     */
    protected IommuEngine(ModelConfig config, RegisterMap map, SystemMemory memory, boolean strict) {
        this(config, map, memory, strict, false);
    }

    /**
     * @param strict as for the constructor without {@code bypassing}
     * @param bypassing ask {@link #bypasses} about every transaction while translation is on (a
     *     description with a {@code bypass if} item); without it the hook is never called
     */
    protected IommuEngine(ModelConfig config, RegisterMap map, SystemMemory memory, boolean strict,
            boolean bypassing) {
        this.config = config;
        this.bypassing = bypassing;
        this.map = map;
        this.memory = memory;
        this.tlb = new TranslationCache(strict ? 0 : config.tlbCapacity());
        this.walkCache = new TranslationCache(strict ? 0 : config.walkCacheCapacity());
        this.pageShifts = config.pageShifts();
        this.oaLimit = config.oaBits() >= 64 ? -1L : (1L << config.oaBits()) - 1;
        this.iovaLimit = config.iovaBits() >= 64 ? -1L : (1L << config.iovaBits()) - 1;
        this.apertureFirst = config.apertureFirst();
        this.apertureLast = config.apertureLast();
        this.tlbByMaster = config.tlbByMaster();
        this.walkCacheByMaster = config.walkCacheByMaster();
        this.masters = config.masters();
        this.regs = new long[map.size()];
        this.mode = config.resetTranslation();
        for (int slot = 0; slot < regs.length; slot++) {
            regs[slot] = map.reset(slot);
        }
        updateNormal();
    }

    private void updateNormal() {
        normal = powered && !hasPending && !stalled && mode == TranslationMode.ON;
    }

    // ---------------------------------------------------------------------------------------
    // Hooks: what a description says

    /** The {@code on write} rules, after the access took effect; {@code value} as written. */
    protected abstract void onWrite(int slot, long value);

    /** The {@code on read} rules, after the access; {@code value} as read. */
    protected void onRead(int slot, long value) {
    }

    /** The value of a computed register ({@code REG ro = expr}). */
    protected long computed(int slot) {
        return 0;
    }

    /**
     * The walk after a TLB miss: read the entries level by level ({@link #readEntry}), fill the
     * caches as the description allows ({@link #fillTlb}, {@link #fillWalkCache}), check the
     * permission rules, and return the output address, or {@link #fault} for a fault.
     */
    protected abstract long walk(int master, long iova, boolean write);

    /** The permission rules of a leaf kind for a cached entry (checked again on every TLB hit). */
    protected abstract boolean permits(long entry, int kind, int master, boolean write, long iova);

    /**
     * What the description records for a fault: runs the matching fault handler's effects and
     * says what happens to the transaction. Before returning {@link FaultAction#REDIRECT} it
     * calls {@link #redirect} with the output address.
     */
    protected abstract FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level,
            long entry);

    /** The asserted interrupt lines, bit i for line i of the configuration. */
    protected abstract long interruptLines();

    /**
     * The {@code bypass if} condition: true when this transaction passes untranslated although
     * translation is on. Called only for a model built with {@code bypassing}, while powered,
     * translating, not stalled and with no stalled fault pending, before the aperture check.
     */
    protected boolean bypasses(int master, long iova, boolean write) {
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // MMIO

    @Override
    public final long mmioRead(long offset, int widthBits) {
        int slot = map.readSlot(offset);
        if (!accessible("read", slot, offset, widthBits)) {
            return 0;
        }
        long value;
        if (!map.readable(slot)) {
            value = 0;
        } else if (map.computed(slot)) {
            value = computed(slot) & RegisterMap.widthMask(map.width(slot));
        } else {
            value = regs[slot];
        }
        if (trace.enabled()) {
            trace.add(new Event.MmioRead(map.name(slot), offset, widthBits, value));
        }
        regs[slot] &= ~map.readToClear(slot);
        onRead(slot, value);
        updateInterrupts();
        return value;
    }

    @Override
    public final boolean mmioWrite(long offset, int widthBits, long value) {
        int slot = map.writeSlot(offset);
        if (!accessible("write", slot, offset, widthBits)) {
            return false;
        }
        long v = value & RegisterMap.widthMask(widthBits);
        if (trace.enabled()) {
            trace.add(new Event.MmioWrite(map.name(slot), offset, widthBits, v));
        }
        long writable = map.writable(slot);
        regs[slot] = ((regs[slot] & ~writable) | (v & writable)) & ~(v & map.w1c(slot));
        int target = map.clearsTarget(slot);
        if (target >= 0) {
            regs[target] &= ~v;
        }
        onWrite(slot, v);
        regs[slot] &= ~map.selfClearing(slot);
        updateInterrupts();
        return true;
    }

    private boolean accessible(String access, int slot, long offset, int widthBits) {
        String reason = null;
        if (!powered) {
            reason = "the instance is powered off";
        } else if (slot < 0) {
            reason = "no register at this offset";
        } else if (map.width(slot) != widthBits) {
            reason = map.name(slot) + " is " + map.width(slot) + " bits wide";
        }
        if (reason == null) {
            return true;
        }
        if (trace.enabled()) {
            trace.add(new Event.BusError(access, offset, widthBits, reason));
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // DMA

    @Override
    public final long translate(int master, long iova, boolean write) {
        if (Integer.compareUnsigned(master, masters) >= 0) {
            // no such master is wired to this IOMMU: the bus refuses the transaction
            return outcome(master, iova, write, Outcome.BUS_ERROR, BUS_ERROR);
        }
        long result = translateOnce(master, iova, write);
        if (result == FAULT) {
            // Only a fault handler changes registers during a translation (a redirect updates them itself).
            updateInterrupts();
        }
        return result;
    }

    private long translateOnce(int master, long iova, boolean write) {
        if (!normal) {
            return translateAbnormal(master, iova, write);
        }
        return translateOn(master, iova, write);
    }

    /** Powered off, stalled, waiting for a stalled fault, bypassing or blocking. */
    private long translateAbnormal(int master, long iova, boolean write) {
        if (!powered) {
            return outcome(master, iova, write, Outcome.BLOCKED, BLOCKED);
        }
        if (hasPending || stalled) {
            return outcome(master, iova, write, Outcome.STALLED, STALLED);
        }
        if (mode == TranslationMode.BYPASS) {
            return untranslated(master, iova, write);
        }
        if (mode == TranslationMode.BLOCK) {
            return outcome(master, iova, write, Outcome.BLOCKED, BLOCKED);
        }
        return translateOn(master, iova, write);
    }

    /** Bypass: the IOVA is the output address, a bus error beyond the output width. */
    private long untranslated(int master, long iova, boolean write) {
        if (Long.compareUnsigned(iova, oaLimit) > 0) {
            return outcome(master, iova, write, Outcome.BUS_ERROR, BUS_ERROR);
        }
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, Outcome.BYPASSED, iova, false, null, -1, null));
        }
        return iova;
    }

    /** Translation on: the per-transaction bypass, the aperture, the TLB, then the walk. */
    private long translateOn(int master, long iova, boolean write) {
        if (bypassing && bypasses(master, iova, write)) {
            return untranslated(master, iova, write);
        }
        if (Long.compareUnsigned(iova, iovaLimit) > 0 || Long.compareUnsigned(iova, apertureFirst) < 0
                || Long.compareUnsigned(iova, apertureLast) > 0) {
            fault(FaultKind.ADDRESS, -1, 0);
            return faulted(master, iova, write);
        }
        int tag = tlbByMaster ? master : 0;
        for (int shift : pageShifts) {
            int slot = tlb.lookup(tag, iova, shift);
            if (slot >= 0) {
                return tlbHit(slot, master, iova, write);
            }
        }
        long oa = walk(master, iova, write);
        if (oa == FAULT) {
            return faulted(master, iova, write);
        }
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, Outcome.TRANSLATED, oa, false, null, -1, null));
        }
        return oa;
    }

    private long tlbHit(int slot, int master, long iova, boolean write) {
        if (tlb.isNegative(slot)) {
            fault(FaultKind.TRANSLATION, tlb.level(slot), tlb.entry(slot));
            return faulted(master, iova, write);
        }
        if (!permits(tlb.entry(slot), tlb.kind(slot), master, write, iova)) {
            fault(FaultKind.PERMISSION, tlb.level(slot), tlb.entry(slot));
            return faulted(master, iova, write);
        }
        long oa = tlb.address(slot) + (iova & ((1L << tlb.shift(slot)) - 1));
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, Outcome.TRANSLATED, oa, true, null, -1, null));
        }
        return oa;
    }

    private long outcome(int master, long iova, boolean write, Outcome outcome, long code) {
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, outcome, 0, false, null, -1, null));
        }
        return code;
    }

    private long faulted(int master, long iova, boolean write) {
        FaultKind kind = faultKind;
        int level = faultLevel;
        long entry = faultEntry;
        lastFaultKind = kind;
        FaultAction action = recordFault(kind, master, iova, write, level, entry);
        if (action == FaultAction.REDIRECT) {
            // the result is an address (or a bus error), not FAULT: the interrupts are updated here
            long result = redirected(master, iova, write, kind, level);
            updateInterrupts();
            return result;
        }
        if (action == FaultAction.STALL) {
            hasPending = true;
            pendingMaster = master;
            pendingIova = iova;
            pendingWrite = write;
            updateNormal();
        }
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, Outcome.FAULTED, 0, false, kind, level, action));
        }
        return FAULT;
    }

    /** A fault handler redirected the transaction: it completes at the address it gave, if the bus has one. */
    private long redirected(int master, long iova, boolean write, FaultKind kind, int level) {
        long address = redirectAddress;
        if (Long.compareUnsigned(address, oaLimit) > 0) {
            return outcome(master, iova, write, Outcome.BUS_ERROR, BUS_ERROR);
        }
        if (trace.enabled()) {
            trace.add(new Event.Dma(master, iova, write, Outcome.FAULTED, address, false, kind, level,
                    FaultAction.REDIRECT));
        }
        return address;
    }

    // ---------------------------------------------------------------------------------------
    // Helpers for the walk

    /** Marks a fault for the walk to return: {@code return fault(TRANSLATION, level, entry);}. */
    protected final long fault(FaultKind kind, int level, long entry) {
        faultKind = kind;
        faultLevel = level;
        faultEntry = entry;
        return FAULT;
    }

    /** True when {@code [address, address + bytes)} lies in the output-address width. */
    protected final boolean oaContains(long address, int bytes) {
        long last = address + bytes - 1;
        return Long.compareUnsigned(last, address) >= 0 && Long.compareUnsigned(last, oaLimit) <= 0;
    }

    /**
     * True when the entry at {@code address} of the table at {@code table} lies in the
     * output-address width: the table starts inside it, the entry's address did not wrap past
     * 2^64 from the table's, and the entry's bytes end inside it.
     */
    protected final boolean entryInOa(long table, long address, int bytes) {
        return Long.compareUnsigned(table, oaLimit) <= 0 && Long.compareUnsigned(address, table) >= 0
                && oaContains(address, bytes);
    }

    /** Reads a page-table entry as the walker sees memory. */
    protected final long readEntry(int level, long address, int bytes) {
        long value = memory.deviceRead(address, bytes);
        if (trace.enabled()) {
            trace.add(new Event.WalkRead(level, address, value, memory.isStale(address, bytes)));
        }
        return value;
    }

    /** Caches a leaf (or, {@code negative}, an empty entry) covering {@code iova} at block size 2^shift. */
    protected final void fillTlb(int master, long iova, int shift, long pageAddress, long entry, int kind, int level,
            boolean negative) {
        int tag = tlbByMaster ? master : 0;
        tlb.fill(tag, iova, shift, pageAddress, entry, kind, level, negative);
        if (trace.enabled()) {
            long base = iova & -(1L << shift);
            trace.add(new Event.CacheFill("tlb", tag, base, shift, pageAddress, negative));
        }
    }

    /** The walk-cache slot caching the table entry of {@code level} that covers {@code iova}, or -1. */
    protected final int lookupWalkCache(int master, long iova, int coverShift) {
        return walkCache.lookup(walkCacheByMaster ? master : 0, iova, coverShift);
    }

    /** Caches a table entry of {@code level}, which covers the block of 2^coverShift bytes holding {@code iova}. */
    protected final void fillWalkCache(int master, long iova, int coverShift, long tableAddress, long entry, int kind,
            int level, boolean negative) {
        int tag = walkCacheByMaster ? master : 0;
        walkCache.fill(tag, iova, coverShift, tableAddress, entry, kind, level, negative);
        if (trace.enabled()) {
            long base = iova & -(1L << coverShift);
            trace.add(new Event.CacheFill("walkcache", tag, base, coverShift, tableAddress, negative));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Registers, for the hooks

    /** A register's value (hardware view: no access semantics). */
    protected final long reg(int slot) {
        return regs[slot];
    }

    /** Sets a register (hardware view: any bit, cut to the register width). */
    protected final void setReg(int slot, long value) {
        regs[slot] = value & RegisterMap.widthMask(map.width(slot));
    }

    /** Element {@code index} of an array of {@code count} slots from {@code first}; 0 out of range. */
    protected final long regElement(int first, int count, long index) {
        return Long.compareUnsigned(index, count) < 0 ? regs[first + (int) index] : 0;
    }

    /** Sets element {@code index} of an array; nothing happens out of range. */
    protected final void setRegElement(int first, int count, long index, long value) {
        if (Long.compareUnsigned(index, count) < 0) {
            setReg(first + (int) index, value);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Effects, for the hooks

    protected final void setTranslation(TranslationMode newMode) {
        mode = newMode;
        updateNormal();
        if (trace.enabled()) {
            trace.add(new Event.Translation(newMode));
        }
    }

    protected final void setStall(boolean on) {
        stalled = on;
        updateNormal();
        if (trace.enabled()) {
            trace.add(new Event.Stall(on));
        }
        if (!on && resumeAfterStall) {
            resumeAfterStall = false;
            retryPending();
        }
    }

    protected final void invalidateTlbAll() {
        invalidated("tlb", "all", 0, 0, tlb.invalidateAll());
    }

    protected final void invalidateTlbPage(long iova) {
        invalidated("tlb", "page", iova, 0, tlb.invalidatePage(iova));
    }

    protected final void invalidateTlbRange(long first, long last) {
        invalidated("tlb", "range", first, last, tlb.invalidateRange(first, last));
    }

    protected final void invalidateTlbMasked(long address, long mask) {
        invalidated("tlb", "masked", address, mask, tlb.invalidateMasked(address, mask));
    }

    protected final void invalidateTlbMaster(long master) {
        invalidated("tlb", "master", master, 0, tlb.invalidateMaster((int) master));
    }

    protected final void invalidateWalkCacheAll() {
        invalidated("walkcache", "all", 0, 0, walkCache.invalidateAll());
    }

    protected final void invalidateWalkCachePage(long iova) {
        invalidated("walkcache", "page", iova, 0, walkCache.invalidatePage(iova));
    }

    protected final void invalidateWalkCacheRange(long first, long last) {
        invalidated("walkcache", "range", first, last, walkCache.invalidateRange(first, last));
    }

    protected final void invalidateWalkCacheMasked(long address, long mask) {
        invalidated("walkcache", "masked", address, mask, walkCache.invalidateMasked(address, mask));
    }

    protected final void invalidateWalkCacheMaster(long master) {
        invalidated("walkcache", "master", master, 0, walkCache.invalidateMaster((int) master));
    }

    private void invalidated(String cache, String scope, long first, long second, int removed) {
        if (trace.enabled()) {
            trace.add(new Event.Invalidate(cache, scope, first, second, removed));
        }
    }

    /** {@code reset;}: registers, translation, stall, caches and a stalled fault back to reset. */
    protected final void resetAll() {
        if (trace.enabled()) {
            trace.add(new Event.Reset());
        }
        for (int slot = 0; slot < regs.length; slot++) {
            regs[slot] = map.reset(slot);
        }
        mode = config.resetTranslation();
        stalled = false;
        hasPending = false;
        resumeAfterStall = false;
        updateNormal();
        tlb.invalidateAll();
        walkCache.invalidateAll();
    }

    /**
     * {@code fault resume;}: the stalled transaction is retried, at once, or when stall is on, at
     * {@code stall off} (until then it stays pending: a retry now would only be stalled again).
     */
    protected final void faultResume() {
        if (!hasPending || resumeAfterStall) {
            return;
        }
        if (trace.enabled()) {
            trace.add(new Event.FaultDone(true));
        }
        if (stalled) {
            resumeAfterStall = true;
            return;
        }
        retryPending();
    }

    private void retryPending() {
        hasPending = false;
        updateNormal();
        translateOnce(pendingMaster, pendingIova, pendingWrite);
    }

    /**
     * {@code redirect address;} in a fault handler: the output address at which the faulting
     * transaction completes when {@link #recordFault} returns {@link FaultAction#REDIRECT}.
     */
    protected final void redirect(long address) {
        redirectAddress = address;
    }

    /** {@code fault abort;}: the stalled transaction ends with an error. */
    protected final void faultAbort() {
        if (!hasPending) {
            return;
        }
        hasPending = false;
        resumeAfterStall = false;
        updateNormal();
        if (trace.enabled()) {
            trace.add(new Event.FaultDone(false));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Interrupts, power, memory

    private void updateInterrupts() {
        long lines = interruptLines();
        long changed = lines ^ interruptMask;
        interruptMask = lines;
        if (changed == 0 || !trace.enabled()) {
            return;
        }
        String[] names = config.interruptNames();
        for (int line = 0; line < names.length; line++) {
            if ((changed >>> line & 1) != 0) {
                trace.add(new Event.Interrupt(names[line], (lines >>> line & 1) != 0));
            }
        }
    }

    @Override
    public final boolean interrupt(int line) {
        return (interruptMask >>> line & 1) != 0;
    }

    @Override
    public final void powerOff() {
        if (!powered) {
            return;
        }
        if (trace.enabled()) {
            trace.add(new Event.Power(false));
        }
        powered = false;
        if (config.losesStateOnPowerOff()) {
            for (int slot = 0; slot < regs.length; slot++) {
                if (map.losesPower(slot)) {
                    regs[slot] = map.reset(slot);
                }
            }
            tlb.invalidateAll();
            walkCache.invalidateAll();
            mode = config.resetTranslation();
            stalled = false;
            hasPending = false;
            resumeAfterStall = false;
        }
        updateNormal();
        updateInterrupts();
    }

    @Override
    public final void powerOn() {
        if (powered) {
            return;
        }
        if (trace.enabled()) {
            trace.add(new Event.Power(true));
        }
        powered = true;
        updateNormal();
        updateInterrupts();
    }

    @Override
    public final boolean powered() {
        return powered;
    }

    @Override
    public final void cpuWrite(long address, int bytes, long value) {
        PhysicalMemory.checkSize(bytes);
        if (trace.enabled()) {
            trace.add(new Event.CpuWrite(address, bytes, value & PhysicalMemory.ones(bytes)));
        }
        memory.cpuWrite(address, bytes, value);
    }

    @Override
    public final void clean(long address, long length) {
        if (trace.enabled()) {
            trace.add(new Event.Clean(address, length));
        }
        memory.clean(address, length);
    }

    // ---------------------------------------------------------------------------------------
    // State

    @Override
    public final ModelConfig config() {
        return config;
    }

    @Override
    public final RegisterMap registers() {
        return map;
    }

    @Override
    public final SystemMemory memory() {
        return memory;
    }

    @Override
    public final TranslationMode translationMode() {
        return mode;
    }

    /** True while new transactions are held ({@code stall on}). */
    public final boolean stalled() {
        return stalled;
    }

    /** True while a faulting transaction waits for {@code fault resume} or {@code fault abort}. */
    public final boolean faultPending() {
        return hasPending;
    }

    @Override
    public final FaultKind lastFaultKind() {
        return lastFaultKind;
    }

    @Override
    public final void setTrace(Trace newTrace) {
        trace = newTrace == null ? Trace.OFF : newTrace;
    }

    @Override
    public final Trace trace() {
        return trace;
    }

    @Override
    public final TranslationCache tlb() {
        return tlb;
    }

    @Override
    public final TranslationCache walkCache() {
        return walkCache;
    }

    @Override
    public String toString() {
        return config.name() + " model";
    }
}
