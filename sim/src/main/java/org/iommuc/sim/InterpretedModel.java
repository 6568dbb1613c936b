package org.iommuc.sim;

import java.util.List;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.Evaluator;
import org.iommuc.dsl.model.TotalOps;
import org.iommuc.runtime.FaultAction;
import org.iommuc.runtime.FaultKind;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.ModelConfig;
import org.iommuc.runtime.RegisterMap;
import org.iommuc.runtime.SystemMemory;

/**
 * A description run by interpretation: the hooks of {@link IommuEngine} read the
 * description's rules, walk, permission rules, bypass condition, fault handlers and interrupts,
 * with the meaning docs/model-semantics.md gives them. Expressions are evaluated by the reference
 * {@link Evaluator}; everything else was looked up once in {@link CompiledDescription}.
 *
 * <p>Every hook is re-entrant: {@code fault resume} in a rule retries a transaction whose
 * fault handler runs inside the rule, so each evaluation has its own {@link Context}.
 */
final class InterpretedModel extends IommuEngine {

    private final CompiledDescription d;
    private final Evaluator evaluator;
    private final CompiledDescription.LevelPlan[] levels;
    private final boolean tlbCachesLeaf;
    private final boolean tlbCachesInvalid;
    private final boolean walkCacheCachesInvalid;
    private final int tlbLine;
    /** Computed registers being evaluated, so that a cycle reads 0 instead of recursing forever. */
    private final boolean[] computing;

    InterpretedModel(CompiledDescription d, ModelConfig config, RegisterMap map, SystemMemory memory, boolean strict) {
        super(config, map, memory, strict, d.bypass != null);
        this.d = d;
        this.evaluator = d.evaluator;
        this.levels = d.levels;
        this.tlbCachesLeaf = d.settings.tlbCachesLeaf();
        this.tlbCachesInvalid = d.settings.tlbCachesInvalid();
        this.walkCacheCachesInvalid = d.settings.walkCacheCachesInvalid();
        this.tlbLine = Math.max(1, d.settings.tlbLine());
        this.computing = new boolean[map.size()];
    }

    // ---------------------------------------------------------------------------------------
    // Registers

    @Override
    protected void onWrite(int slot, long value) {
        runRules(d.writeRules[slot], slot, value);
    }

    @Override
    protected void onRead(int slot, long value) {
        runRules(d.readRules[slot], slot, value);
    }

    private void runRules(CompiledDescription.CompiledRule[] rules, int slot, long value) {
        for (CompiledDescription.CompiledRule rule : rules) {
            Context c = new Context();
            c.value = value;
            if (matches(rule, slot, value, c)) {
                run(rule.actions(), c);
            }
        }
    }

    private boolean matches(CompiledDescription.CompiledRule rule, int slot, long value, Context c) {
        RegisterTarget trigger = rule.trigger();
        if (rule.element() < 0) {
            long element = evaluator.eval(trigger.index().get(), c);
            if (element != slot - trigger.firstSlot()) {
                return false;
            }
        }
        if (rule.compare().isPresent() && rule.compareValue().isPresent()) {
            long accessed = trigger.extract(value);
            long expected = evaluator.eval(rule.compareValue().get(), c);
            if (TotalOps.binary(rule.compare().get(), accessed, expected) == 0) {
                return false;
            }
        }
        return rule.guard().isEmpty() || evaluator.eval(rule.guard().get(), c) != 0;
    }

    @Override
    protected long computed(int slot) {
        Expr expr = d.computed[slot];
        if (expr == null || computing[slot]) {
            return 0;
        }
        computing[slot] = true;
        try {
            return evaluator.eval(expr, new Context());
        } finally {
            computing[slot] = false;
        }
    }

    /** A register as hardware-side expressions read it (docs/model-semantics.md, section 3). */
    private long registerValue(String name, long index) {
        CompiledDescription.RegisterSlots rs = d.registers.get(name);
        if (rs == null || Long.compareUnsigned(index, rs.count()) >= 0) {
            return 0;
        }
        int slot = rs.firstSlot() + (int) index;
        if (d.computed[slot] != null) {
            return computed(slot) & widthMask(registers().width(slot));
        }
        return reg(slot);
    }

    private static long widthMask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    // ---------------------------------------------------------------------------------------
    // Effects

    private void run(List<Action> actions, Context c) {
        for (Action a : actions) {
            run(a, c);
        }
    }

    private void run(Action a, Context c) {
        if (a instanceof Action.Assign assign) {
            assign(assign.target(), evaluator.eval(assign.value(), c), c);
        } else if (a instanceof Action.If branch) {
            run(evaluator.eval(branch.condition(), c) != 0 ? branch.then() : branch.otherwise(), c);
        } else if (a instanceof Action.Invalidate inv) {
            invalidate(inv, c);
        } else if (a instanceof Action.SetTranslation t) {
            setTranslation(t.mode());
        } else if (a instanceof Action.SetStall s) {
            setStall(s.on());
        } else if (a instanceof Action.Reset) {
            resetAll();
        } else if (a instanceof Action.FinishFault f) {
            if (f.resume()) {
                faultResume();
            } else {
                faultAbort();
            }
        } else if (a instanceof Action.ChooseFaultAction f) {
            c.action = f.stall() ? FaultAction.STALL : FaultAction.ABORT;
        } else if (a instanceof Action.Redirect r) {
            redirect(evaluator.eval(r.address(), c));
            c.action = FaultAction.REDIRECT;
        }
    }

    private void assign(RegisterTarget target, long value, Context c) {
        long element = target.index().isPresent() ? evaluator.eval(target.index().get(), c) : 0;
        if (Long.compareUnsigned(element, target.count()) >= 0) {
            return;
        }
        int slot = target.firstSlot() + (int) element;
        setReg(slot, target.insert(reg(slot), value));
    }

    private void invalidate(Action.Invalidate inv, Context c) {
        long a = inv.args().size() > 0 ? evaluator.eval(inv.args().get(0), c) : 0;
        long b = inv.args().size() > 1 ? evaluator.eval(inv.args().get(1), c) : 0;
        boolean walk = inv.walkCache();
        switch (inv.scope()) {
            case ALL:
                if (walk) {
                    invalidateWalkCacheAll();
                } else {
                    invalidateTlbAll();
                }
                break;
            case PAGE:
                if (walk) {
                    invalidateWalkCachePage(a);
                } else {
                    invalidateTlbPage(a);
                }
                break;
            case RANGE:
                if (walk) {
                    invalidateWalkCacheRange(a, b);
                } else {
                    invalidateTlbRange(a, b);
                }
                break;
            case MASKED:
                if (walk) {
                    invalidateWalkCacheMasked(a, b);
                } else {
                    invalidateTlbMasked(a, b);
                }
                break;
            default:
                if (walk) {
                    invalidateWalkCacheMaster(a);
                } else {
                    invalidateTlbMaster(a);
                }
                break;
        }
    }

    // ---------------------------------------------------------------------------------------
    // The walk

    @Override
    protected long walk(int master, long iova, boolean write) {
        long table = evaluator.eval(d.root, new Context());
        for (int i = 0; i < levels.length; i++) {
            CompiledDescription.LevelPlan level = levels[i];
            if (level.walkCached()) {
                int slot = lookupWalkCache(master, iova, level.cover());
                if (slot >= 0) {
                    if (walkCache().isNegative(slot)) {
                        return fault(FaultKind.TRANSLATION, i, walkCache().entry(slot));
                    }
                    table = walkCache().address(slot);
                    continue;
                }
            }
            long index = level.index(iova);
            int bytes = level.entryBytes();
            long address = table + index * bytes;
            if (!entryInOa(table, address, bytes)) {
                return fault(FaultKind.BUS, i, 0);
            }
            long entry = readEntry(i, address, bytes);
            CompiledDescription.KindPlan kind = level.kindOf(entry);
            if (kind == null) {
                cacheEmpty(master, iova, i, level, entry);
                return fault(FaultKind.TRANSLATION, i, entry);
            }
            if (kind.leaf()) {
                return leaf(master, iova, write, i, level, table, index, kind, entry);
            }
            table = kind.codec().address(entry);
            if (level.walkCached()) {
                fillWalkCache(master, iova, level.cover(), table, entry, kind.formatIndex(), i, false);
            }
        }
        return fault(FaultKind.TRANSLATION, levels.length - 1, 0);
    }

    private void cacheEmpty(int master, long iova, int i, CompiledDescription.LevelPlan level, long entry) {
        if (level.fixed()) {
            return;
        }
        if (tlbCachesInvalid) {
            fillTlb(master, iova, level.cover(), 0, entry, -1, i, true);
        }
        if (level.walkCached() && walkCacheCachesInvalid) {
            fillWalkCache(master, iova, level.cover(), 0, entry, -1, i, true);
        }
    }

    private long leaf(int master, long iova, boolean write, int i, CompiledDescription.LevelPlan level, long table,
            long index, CompiledDescription.KindPlan kind, long entry) {
        long base = kind.codec().address(entry);
        long oa = base + (iova & kind.pageMask());
        if (tlbCachesLeaf) {
            fillTlb(master, iova, kind.pageShift(), base, entry, kind.formatIndex(), i, false);
        }
        if (tlbLine > 1 && tlbCachesLeaf) {
            fillLine(master, iova, i, level, table, index);
        }
        if (!permits(entry, kind.formatIndex(), master, write, iova)) {
            return fault(FaultKind.PERMISSION, i, entry);
        }
        return oa;
    }

    /**
     * {@code line N}: the other entries of the aligned group of N around the one walked, in index
     * order, inside the table and the output width.
     */
    private void fillLine(int master, long iova, int i, CompiledDescription.LevelPlan level, long table, long index) {
        long first = index & -(long) tlbLine;
        int bytes = level.entryBytes();
        for (long j = first; j < first + tlbLine; j++) {
            if (j == index || (level.entries() != 0 && Long.compareUnsigned(j, level.entries()) >= 0)) {
                continue;
            }
            long address = table + j * bytes;
            if (!entryInOa(table, address, bytes)) {
                continue;
            }
            long entry = readEntry(i, address, bytes);
            long iovaOfEntry = (iova & ~level.indexMask()) | (j << level.low());
            CompiledDescription.KindPlan kind = level.kindOf(entry);
            if (kind == null) {
                if (tlbCachesInvalid) {
                    fillTlb(master, iovaOfEntry, level.cover(), 0, entry, -1, i, true);
                }
            } else if (kind.leaf() && tlbCachesLeaf) {
                fillTlb(master, iovaOfEntry, kind.pageShift(), kind.codec().address(entry), entry, kind.formatIndex(), i,
                        false);
            }
        }
    }

    @Override
    protected boolean permits(long entry, int kind, int master, boolean write, long iova) {
        if (kind < 0 || kind >= d.codecs.length) {
            return true;
        }
        Expr rule = write ? d.allowWrite[kind] : d.allowRead[kind];
        if (rule == null) {
            return true;
        }
        Context c = new Context();
        c.iova = iova;
        c.write = write;
        c.master = master;
        c.entry = entry;
        c.codec = d.codecs[kind];
        return evaluator.eval(rule, c) != 0;
    }

    @Override
    protected boolean bypasses(int master, long iova, boolean write) {
        Context c = new Context();
        c.iova = iova;
        c.write = write;
        c.master = master;
        return evaluator.eval(d.bypass, c) != 0;
    }

    // ---------------------------------------------------------------------------------------
    // Faults and interrupts

    @Override
    protected FaultAction recordFault(FaultKind kind, int master, long iova, boolean write, int level, long entry) {
        Context c = new Context();
        c.iova = iova;
        c.write = write;
        c.master = master;
        c.entry = entry;
        for (CompiledDescription.CompiledFault handler : d.faults) {
            if (!handler.kinds()[kind.ordinal()]) {
                continue;
            }
            if (handler.levels() != null && (level < 0 || level >= handler.levels().length || !handler.levels()[level])) {
                continue;
            }
            if (handler.guard().isPresent() && evaluator.eval(handler.guard().get(), c) == 0) {
                continue;
            }
            c.action = FaultAction.ABORT;
            run(handler.actions(), c);
            return c.action;
        }
        return FaultAction.UNHANDLED;
    }

    @Override
    protected long interruptLines() {
        long lines = 0;
        Expr[] interrupts = d.interrupts;
        int n = Math.min(64, interrupts.length);
        for (int i = 0; i < n; i++) {
            if (evaluator.eval(interrupts[i], new Context()) != 0) {
                lines |= 1L << i;
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------

    /** The variables of one evaluation: what a rule, a permission rule or a fault handler sees. */
    private final class Context implements Evaluator.Env {
        long value;
        long iova;
        boolean write;
        int master;
        long entry;
        EntryCodec codec;
        FaultAction action = FaultAction.ABORT;

        @Override
        public long register(String name, long index) {
            return registerValue(name, index);
        }

        @Override
        public long variable(String name, Var kind) {
            switch (kind) {
                case VALUE:
                    return value;
                case IOVA:
                    return iova;
                case WRITE:
                    return write ? 1 : 0;
                case READ:
                    return write ? 0 : 1;
                case MASTER:
                    return master;
                case ENTRY:
                    return entry;
                default:
                    return 0;
            }
        }

        @Override
        public long entryField(String format, String field) {
            return codec == null ? 0 : codec.field(entry, field);
        }
    }
}
