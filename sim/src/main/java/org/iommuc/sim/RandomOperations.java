package org.iommuc.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.semantics.RegisterLayout;

/**
 * The generator behind {@link Operations#random}: a driver that plays by the description's
 * rules without reading the hardware back. See {@link Operations} for the bias.
 */
final class RandomOperations {

    /** A step of the main loop and its weight (per mille, roughly). */
    private enum Step {
        DMA_MAPPED(520), DMA_UNIVERSE(80), DMA_APERTURE(15), DMA_OUTSIDE(10),
        MAP(90), UNMAP(35), GARBAGE(5), CLEAN(10),
        INVALIDATE(25), FINISH_FAULT(40), STALL_OFF(20), STALL_ON(3), TRANSLATION_ON(12), TRANSLATION_OFF(4),
        RESET(1), ENABLE(5), POWER(1),
        REGISTER_WRITE(50), CLEAR_INTERRUPTS(15), REGISTER_READ(40), ROOT_GARBAGE(3), BAD_MMIO(8);

        final int weight;

        Step(int weight) {
            this.weight = weight;
        }
    }

    private static final Set<Triggers.Kind> DISRUPTIVE = EnumSet.of(Triggers.Kind.RESET, Triggers.Kind.TRANSLATION_OFF,
            Triggers.Kind.STALL_ON);

    private final CompiledDescription d;
    private final Random random;
    private final int count;
    private final List<Operation> out = new ArrayList<>();
    private final List<RegisterLayout.Slot> slots;
    private final ShadowTables tables;
    private final Triggers triggers;
    private final RootSolver rootSolver;
    private final Set<Integer> rootSlots = new HashSet<>();
    private final List<Integer> writeSlots = new ArrayList<>();
    private final List<Integer> ruleSlots = new ArrayList<>();
    private final List<Integer> readSlots = new ArrayList<>();
    private final List<Integer> readRuleSlots = new ArrayList<>();
    private final List<Integer> clearSlots = new ArrayList<>();
    private final List<Integer> interruptEnables = new ArrayList<>();
    /** Writable registers the {@code bypass if} condition reads: enable writes them 0. */
    private final List<Integer> bypassControls = new ArrayList<>();
    private final List<Long> pageMasks = new ArrayList<>();
    private final int iovaBits;
    private final long apertureFirst;
    private final long apertureLast;
    private final int masters;
    private final long page;
    private final long maxOffset;
    private final int[] cumulative;
    /** A few pages with a master each that DMA keeps coming back to, as a device's buffers do. */
    private final long[] hotPages = new long[4];
    private final int[] hotMasters = new int[4];
    /**
     * DMAs a stalled fault may wait on (the first DMA that faulted after a resume; its retry may
     * fault again and keep it pending): the last few DMAs, and the last DMAs the harness expected
     * to fault. A fault fix makes all of them translate.
     */
    private final List<Long> recent = new ArrayList<>();
    private final List<Long> risky = new ArrayList<>();

    RandomOperations(CompiledDescription d, long seed, int count) {
        this.d = d;
        this.random = new Random(seed);
        this.count = count;
        this.slots = d.layout.slots();
        this.tables = new ShadowTables(d, random);
        this.triggers = new Triggers(d);
        this.rootSolver = new RootSolver(d);
        this.iovaBits = d.settings.iovaBits();
        this.apertureFirst = d.settings.apertureFirst();
        this.apertureLast = d.settings.apertureLast();
        this.masters = d.settings.masters();
        this.page = tables.smallestPage();
        for (int shift : d.settings.pageShifts()) {
            pageMasks.add(shift >= 64 ? 0 : -(1L << shift));
        }
        collectRootSlots(d.root);
        long max = 0;
        for (int s = 0; s < slots.size(); s++) {
            RegisterLayout.Slot slot = slots.get(s);
            max = Math.max(max, slot.offset() + slot.width() / 8);
            if (!slot.readView() && !rootSlots.contains(s)) {
                (d.writeRules[s].length > 0 ? ruleSlots : writeSlots).add(s);
            }
            if (!slot.writeView()) {
                readSlots.add(s);
                if (d.readRules[s].length > 0) {
                    readRuleSlots.add(s);
                }
            }
            if (!slot.readView() && (slot.w1c() != 0 || slot.clearsTarget() >= 0)) {
                clearSlots.add(s);
            }
        }
        this.maxOffset = max;
        collectInterruptEnables();
        collectBypassControls();
        Step[] steps = Step.values();
        this.cumulative = new int[steps.length];
        int total = 0;
        for (int i = 0; i < steps.length; i++) {
            total += steps[i].weight;
            cumulative[i] = total;
        }
    }

    private void collectRootSlots(Expr root) {
        for (RootSolver.RegisterWrite w : rootSolver.solve(0x1000)) {
            rootSlots.add(w.slot());
        }
        List<String> names = new ArrayList<>();
        registersRead(root, names, new HashSet<>());
        for (String name : names) {
            CompiledDescription.RegisterSlots rs = d.registers.get(name);
            for (int e = 0; e < rs.count(); e++) {
                rootSlots.add(rs.firstSlot() + e);
            }
        }
    }

    /** Writable registers the interrupt conditions read, directly or through computed registers. */
    private void collectInterruptEnables() {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Interrupt i : d.description.interrupts()) {
            registersRead(i.condition(), names, seen);
        }
        for (String name : names) {
            CompiledDescription.RegisterSlots rs = d.registers.get(name);
            for (int e = 0; e < rs.count(); e++) {
                RegisterLayout.Slot slot = slots.get(rs.firstSlot() + e);
                if (slot.writable() != 0 && slot.w1c() == 0 && !slot.readView() && !rootSlots.contains(rs.firstSlot() + e)) {
                    interruptEnables.add(rs.firstSlot() + e);
                }
            }
        }
    }

    /**
     * Plain writable registers the bypass condition reads (sun50i's BYPASS). Enable writes them
     * 0, as sun50i's driver does ("no master bypasses"), so bypass is on from a random register
     * write until the next enable: often enough to be compared, rarely enough to leave most DMA
     * translated.
     */
    private void collectBypassControls() {
        if (d.bypass == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        registersRead(d.bypass, names, new HashSet<>());
        for (String name : names) {
            CompiledDescription.RegisterSlots rs = d.registers.get(name);
            for (int e = 0; e < rs.count(); e++) {
                int slot = rs.firstSlot() + e;
                RegisterLayout.Slot s = slots.get(slot);
                if (s.writable() != 0 && !s.readView() && !rootSlots.contains(slot) && d.writeRules[slot].length == 0) {
                    bypassControls.add(slot);
                }
            }
        }
    }

    private void registersRead(Expr e, List<String> names, Set<String> seen) {
        ExprWalk.forEach(e, x -> {
            if (x instanceof RegRead r && d.registers.containsKey(r.register()) && seen.add(r.register())) {
                names.add(r.register());
                d.registers.get(r.register()).register().value().ifPresent(v -> registersRead(v, names, seen));
            }
        });
    }

    // ---------------------------------------------------------------------------------------

    List<Operation> run() {
        tables.init(out);
        for (int i = 0; i < 24; i++) {
            tables.map(tables.randomPage(), null, true, out);
        }
        enable();
        for (int i = 0; i < hotPages.length; i++) {
            hotPages[i] = tables.randomMappedPage();
            hotMasters[i] = master();
        }
        while (out.size() < count) {
            step(pick());
        }
        return List.copyOf(out.subList(0, count));
    }

    private Step pick() {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        Step[] steps = Step.values();
        for (int i = 0; i < steps.length; i++) {
            if (r < cumulative[i]) {
                return steps[i];
            }
        }
        return Step.DMA_MAPPED;
    }

    private void step(Step step) {
        switch (step) {
            case DMA_MAPPED -> dmaMapped();
            case DMA_UNIVERSE -> dmaMaybeFixed(tables.randomPage() + offset());
            case DMA_APERTURE -> dmaMaybeFixed(apertureFirst + unsignedBelow(apertureLast - apertureFirst + 1));
            case DMA_OUTSIDE -> dma(outside());
            case MAP -> tables.map(tables.randomPage(), null, random.nextInt(7) != 0, out);
            case UNMAP -> tables.unmap(tables.randomMappedPage(), random.nextInt(7) != 0, out);
            case GARBAGE -> tables.garbage(tables.randomPage(), random.nextBoolean(), out);
            case CLEAN -> out.add(new Operation.Clean(tables.rootTable() & -0x10_0000L, 1L << (12 + random.nextInt(12))));
            case INVALIDATE -> invalidate();
            case FINISH_FAULT -> finishFault();
            case STALL_OFF -> trigger(Triggers.Kind.STALL_OFF, DISRUPTIVE);
            case STALL_ON -> trigger(Triggers.Kind.STALL_ON, EnumSet.of(Triggers.Kind.RESET));
            case TRANSLATION_ON -> trigger(Triggers.Kind.TRANSLATION_ON, DISRUPTIVE);
            case TRANSLATION_OFF -> trigger(Triggers.Kind.TRANSLATION_OFF, EnumSet.of(Triggers.Kind.RESET));
            case RESET -> reset();
            case ENABLE -> enable();
            case POWER -> powerCycle();
            case REGISTER_WRITE -> registerWrite();
            case CLEAR_INTERRUPTS -> clearInterrupts();
            case REGISTER_READ -> registerRead();
            case ROOT_GARBAGE -> rootGarbage();
            default -> badMmio();
        }
    }

    // ---------------------------------------------------------------------------------------
    // DMA

    private void dma(long iova) {
        dma(master(), iova);
    }

    /** A DMA; remembers the first one since the last resume that may fault. */
    private boolean dma(int master, long iova) {
        boolean write = random.nextBoolean();
        out.add(new Operation.Dma(master, iova, write));
        boolean mayFault = tables.mayFault(iova, write);
        remember(recent, iova, 8);
        if (mayFault) {
            remember(risky, iova, 16);
        }
        return mayFault;
    }

    private static void remember(List<Long> list, long iova, int size) {
        list.add(iova);
        if (list.size() > size) {
            list.remove(0);
        }
    }

    /** Mostly one of the hot pages with its master; now and then a hot page moves elsewhere. */
    private void dmaMapped() {
        if (random.nextInt(4) == 0) {
            dma(tables.randomMappedPage() + offset());
            return;
        }
        int i = random.nextInt(hotPages.length);
        if (random.nextInt(50) == 0) {
            hotPages[i] = tables.randomMappedPage();
            hotMasters[i] = master();
        }
        dma(hotMasters[i], hotPages[i] + offset());
    }

    /** A DMA; when the harness expects a fault, two times in five a driver's fault fix follows. */
    private void dmaMaybeFixed(long iova) {
        if (dma(master(), iova) && random.nextInt(5) < 2) {
            if (triggers.of(Triggers.Kind.RESUME).isEmpty()) {
                tables.map(iova & -page, "rw", true, out);
            } else {
                fix(iova);
            }
        }
    }

    /** What a driver's fault handler may do: map the page read-write, invalidate it, resume. */
    private void fix(long iova) {
        tables.map(iova & -page, "rw", true, out);
        invalidateFor(iova & -page);
        resume();
    }

    private void resume() {
        trigger(Triggers.Kind.RESUME, DISRUPTIVE);
    }

    /**
     * A driver's fault handling: makes every page DMA touched since the last resume translate
     * (mapped read-write where the harness expects a fault, its walk cleaned, invalidated), then
     * resumes; sometimes it only resumes or aborts.
     */
    private void finishFault() {
        if (triggers.of(Triggers.Kind.RESUME).isEmpty() && triggers.of(Triggers.Kind.ABORT).isEmpty()) {
            return;
        }
        int r = random.nextInt(10);
        if (r < 8 && !(recent.isEmpty() && risky.isEmpty())) {
            Set<Long> pages = new LinkedHashSet<>();
            for (long iova : risky) {
                pages.add(iova & -page);
            }
            for (long iova : recent) {
                pages.add(iova & -page);
            }
            for (long p : pages) {
                if (tables.mayFault(p, true) || tables.mayFault(p, false)) {
                    tables.map(p, "rw", true, out);
                }
            }
            for (long p : pages) {
                invalidateFor(p);
                if (triggers.invalidateByValue().isEmpty()) {
                    break;
                }
            }
            forgetSuspects();
            resume();
        } else if (r < 9) {
            resume();
        } else {
            trigger(Triggers.Kind.ABORT, DISRUPTIVE);
        }
    }

    private int master() {
        if (masters < 64 && random.nextInt(100) == 0) {
            return masters + random.nextInt(64 - masters);
        }
        return random.nextInt(masters);
    }

    private long offset() {
        return random.nextLong() & (page - 1);
    }

    private long outside() {
        int r = random.nextInt(3);
        if (r == 0 && iovaBits < 64) {
            return (1L << iovaBits) + (random.nextLong() & 0xFFFF_FFFFL);
        }
        if (r == 1 && apertureFirst != 0) {
            return apertureFirst - 1 - unsignedBelow(Math.min(apertureFirst, 0x10000));
        }
        if (r == 1 && iovaBits < 64 && apertureLast != (1L << iovaBits) - 1) {
            return apertureLast + 1 + unsignedBelow(0x10000);
        }
        return random.nextLong() | Long.MIN_VALUE;
    }

    private long unsignedBelow(long bound) {
        return bound == 0 ? random.nextLong() : Long.remainderUnsigned(random.nextLong(), bound);
    }

    // ---------------------------------------------------------------------------------------
    // Rule triggers

    /** Writes a trigger of a kind, preferring one without the effects to avoid; false when there is none. */
    private boolean trigger(Triggers.Kind kind, Set<Triggers.Kind> avoid) {
        List<Triggers.Trigger> all = triggers.of(kind);
        if (all.isEmpty()) {
            return false;
        }
        List<Triggers.Trigger> preferred = new ArrayList<>();
        for (Triggers.Trigger t : all) {
            if (Collections.disjoint(t.kinds(), avoid)) {
                preferred.add(t);
            }
        }
        List<Triggers.Trigger> from = preferred.isEmpty() ? all : preferred;
        Triggers.Trigger t = from.get(random.nextInt(from.size()));
        write(t.slot(), t.value());
        return true;
    }

    private void invalidate() {
        if (!triggers.invalidateByValue().isEmpty() && random.nextInt(5) < 3) {
            List<Integer> bySlot = triggers.invalidateByValue();
            write(bySlot.get(random.nextInt(bySlot.size())), tables.randomPage());
            return;
        }
        trigger(Triggers.Kind.INVALIDATE, DISRUPTIVE);
    }

    /** What a driver does after changing a page: invalidate it by address, else as much as one write can. */
    private void invalidateFor(long iova) {
        if (!triggers.invalidateByValue().isEmpty()) {
            List<Integer> bySlot = triggers.invalidateByValue();
            write(bySlot.get(random.nextInt(bySlot.size())), iova);
            return;
        }
        Triggers.Trigger best = null;
        for (Triggers.Trigger t : triggers.of(Triggers.Kind.INVALIDATE)) {
            if (Collections.disjoint(t.kinds(), DISRUPTIVE)
                    && (best == null || t.invalidations() > best.invalidations())) {
                best = t;
            }
        }
        if (best != null) {
            write(best.slot(), best.value());
        }
    }

    /** Points the root at the harness's tables and turns translation on, as a driver's enable does. */
    private void enable() {
        for (RootSolver.RegisterWrite w : rootSolver.solve(tables.rootTable())) {
            write(w.slot(), w.value());
        }
        for (int slot : interruptEnables) {
            write(slot, -1L);
        }
        for (int slot : bypassControls) {
            write(slot, 0);
        }
        if (!trigger(Triggers.Kind.INVALIDATE_ALL, DISRUPTIVE)) {
            invalidateFor(tables.randomPage());
        }
        trigger(Triggers.Kind.TRANSLATION_ON, DISRUPTIVE);
        trigger(Triggers.Kind.STALL_OFF, DISRUPTIVE);
    }

    private void reset() {
        if (trigger(Triggers.Kind.RESET, EnumSet.noneOf(Triggers.Kind.class)) && random.nextInt(10) < 7) {
            enable();
        }
    }

    private void powerCycle() {
        out.add(new Operation.PowerOff());
        int k = random.nextInt(4);
        for (int i = 0; i < k; i++) {
            int r = random.nextInt(3);
            if (r == 0) {
                dma(tables.randomMappedPage());
            } else if (r == 1) {
                registerWrite();
            } else {
                registerRead();
            }
        }
        out.add(new Operation.PowerOn());
        if (d.settings.losesStateOnPowerOff()) {
            forgetSuspects();
        }
        if (random.nextInt(100) < 85) {
            enable();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Registers

    /** A register write; after an abort or a reset no DMA waits any more. */
    private void write(int slot, long value) {
        RegisterLayout.Slot s = slots.get(slot);
        long v = value & Triggers.widthMask(s.width());
        out.add(new Operation.MmioWrite(s.offset(), s.width(), v));
        if (d.writeRules[slot].length == 0) {
            return;
        }
        Set<Triggers.Kind> kinds = triggers.kindsOf(slot, v);
        if (kinds.contains(Triggers.Kind.ABORT) || kinds.contains(Triggers.Kind.RESET)) {
            forgetSuspects();
        }
    }

    private void forgetSuspects() {
        recent.clear();
        risky.clear();
    }

    private void registerWrite() {
        boolean rules = !ruleSlots.isEmpty() && (writeSlots.isEmpty() || random.nextInt(10) == 0);
        List<Integer> from = rules ? ruleSlots : writeSlots;
        if (from.isEmpty()) {
            return;
        }
        int slot = from.get(random.nextInt(from.size()));
        write(slot, value(slot));
    }

    private long value(int slot) {
        int r = random.nextInt(100);
        List<Long> interesting = triggers.valuesOf(slot);
        if (r < 30 && !interesting.isEmpty()) {
            return interesting.get(random.nextInt(interesting.size()));
        }
        if (r < 45) {
            return 0;
        }
        if (r < 55) {
            return -1L;
        }
        if (r < 70) {
            return random.nextLong();
        }
        if (r < 80) {
            return 1L << random.nextInt(slots.get(slot).width());
        }
        if (r < 90) {
            return tables.randomPage();
        }
        return pageMasks.isEmpty() ? 0 : pageMasks.get(random.nextInt(pageMasks.size()));
    }

    private void clearInterrupts() {
        for (int slot : clearSlots) {
            write(slot, -1L);
        }
    }

    private void registerRead() {
        List<Integer> from = !readRuleSlots.isEmpty() && random.nextInt(3) == 0 ? readRuleSlots : readSlots;
        if (from.isEmpty()) {
            return;
        }
        RegisterLayout.Slot s = slots.get(from.get(random.nextInt(from.size())));
        out.add(new Operation.MmioRead(s.offset(), s.width()));
    }

    /** A wild root for a few DMAs (walks into random memory, beyond the output width), then the enable block. */
    private void rootGarbage() {
        for (int slot : rootSlots) {
            RegisterLayout.Slot s = slots.get(slot);
            if (!s.readView()) {
                write(slot, random.nextLong());
            }
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            dma(tables.randomMappedPage() + offset());
        }
        enable();
        resume();
    }

    private void badMmio() {
        int r = random.nextInt(3);
        boolean write = random.nextBoolean();
        long offset;
        int width;
        if (r == 0 || slots.isEmpty()) {
            offset = ((maxOffset + 0x100) & -4L) + 4L * random.nextInt(16);
            width = 32;
        } else {
            RegisterLayout.Slot s = slots.get(random.nextInt(slots.size()));
            offset = r == 1 ? s.offset() + 1 + random.nextInt(3) : s.offset();
            width = r == 1 ? s.width() : wrongWidth(s.width());
        }
        out.add(write ? new Operation.MmioWrite(offset, width, random.nextLong() & Triggers.widthMask(width))
                : new Operation.MmioRead(offset, width));
    }

    private int wrongWidth(int width) {
        int[] widths = {8, 16, 32, 64};
        int w = widths[random.nextInt(4)];
        return w == width ? (width == 64 ? 32 : width * 2) : w;
    }
}
