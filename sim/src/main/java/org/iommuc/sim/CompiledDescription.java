package org.iommuc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.Evaluator;
import org.iommuc.dsl.semantics.ModelSettings;
import org.iommuc.dsl.semantics.RegisterLayout;
import org.iommuc.runtime.TranslationMode;

/**
 * A checked description prepared for interpretation: everything that does not change while the
 * model runs is looked up once here (the slot of every register, the rules of every slot, the
 * codec of every format, the levels of the walk), so the hooks of {@link InterpretedModel} do no
 * name lookup beyond what the reference {@link Evaluator} does.
 */
final class CompiledDescription {

    /** A register by name: its first slot and element count. */
    record RegisterSlots(Register register, int firstSlot, int count) {}

    /**
     * A behaviour rule bound to its register: {@code element} is the array element it fires on,
     * or -1 when its index is not constant and is evaluated at each access.
     */
    record CompiledRule(RegisterTarget trigger, int element, Optional<BinaryOp> compare, Optional<Expr> compareValue,
            Optional<Expr> guard, List<Action> actions) {}

    /** A fault handler: the kinds it names, the level indices of its {@code at} (empty: all). */
    record CompiledFault(boolean[] kinds, boolean[] levels, Optional<Expr> guard, List<Action> actions) {}

    /** One kind of entry of a level. */
    record KindPlan(int formatIndex, EntryCodec codec, boolean leaf, int pageShift, long pageMask, int contiguous,
            long tagMask, long tagValue) {}

    /**
     * One level of the walk. {@code cover} is the log2 of the IOVA span one entry covers (the
     * lowest index bit); a fixed-index level has none and is never cached.
     */
    record LevelPlan(String name, boolean fixed, long fixedIndex, int high, int low, long entries, int entryBytes,
            KindPlan[] kinds, boolean walkCached) {

        long index(long iova) {
            if (fixed) {
                return fixedIndex;
            }
            return (iova >>> low) & (entries - 1);
        }

        int cover() {
            return low;
        }

        /** The first kind whose tags the entry holds, or null: the entry is empty. */
        KindPlan kindOf(long entry) {
            for (KindPlan k : kinds) {
                if ((entry & k.tagMask()) == k.tagValue()) {
                    return k;
                }
            }
            return null;
        }

        /** The IOVA bits this level's index takes. */
        long indexMask() {
            return fixed ? 0 : (entries - 1) << low;
        }
    }

    final Description description;
    final Evaluator evaluator;
    final RegisterLayout layout;
    final ModelSettings settings;
    final Map<String, RegisterSlots> registers = new HashMap<>();
    final Expr[] computed;
    final CompiledRule[][] writeRules;
    final CompiledRule[][] readRules;
    final CompiledFault[] faults;
    final Expr[] interrupts;
    /** The {@code bypass if} condition, or null when the description has none. */
    final Expr bypass;
    final Expr root;
    final LevelPlan[] levels;
    final EntryCodec[] codecs;
    final Expr[] allowRead;
    final Expr[] allowWrite;

    CompiledDescription(Description d) {
        if (d.walk().isEmpty() || d.walk().get().root().isEmpty() || d.levels().isEmpty()) {
            throw new IllegalArgumentException("description '" + d.nameText() + "' has no walk with a root and a level:"
                    + " only a checked description can be interpreted");
        }
        this.description = d;
        this.evaluator = new Evaluator(d);
        this.layout = RegisterLayout.of(d);
        this.settings = ModelSettings.of(d);
        for (Register r : d.registers()) {
            registers.put(r.name().text(), new RegisterSlots(r, layout.firstSlot(r.name().text()), (int) r.countValue()));
        }
        int slots = layout.size();
        this.computed = new Expr[slots];
        for (RegisterSlots rs : registers.values()) {
            if (rs.register().value().isPresent()) {
                for (int e = 0; e < rs.count(); e++) {
                    computed[rs.firstSlot() + e] = rs.register().value().get();
                }
            }
        }
        this.writeRules = rulesBySlot(d, Direction.WRITE, slots);
        this.readRules = rulesBySlot(d, Direction.READ, slots);
        this.faults = faults(d);
        this.interrupts = new Expr[d.interrupts().size()];
        for (int i = 0; i < interrupts.length; i++) {
            interrupts[i] = d.interrupts().get(i).condition();
        }
        this.bypass = d.bypass().map(b -> b.condition()).orElse(null);
        this.root = d.walk().get().root().get();
        List<Format> formats = d.formats();
        this.codecs = new EntryCodec[formats.size()];
        this.allowRead = new Expr[formats.size()];
        this.allowWrite = new Expr[formats.size()];
        for (int i = 0; i < formats.size(); i++) {
            Format f = formats.get(i);
            codecs[i] = evaluator.codec(f.name().text());
            allowRead[i] = f.allow(Direction.READ).flatMap(AllowRule::condition).orElse(null);
            allowWrite[i] = f.allow(Direction.WRITE).flatMap(AllowRule::condition).orElse(null);
        }
        this.levels = levels(d);
    }

    // ---------------------------------------------------------------------------------------
    // Rules and effects

    private CompiledRule[][] rulesBySlot(Description d, Direction direction, int slots) {
        List<List<CompiledRule>> bySlot = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            bySlot.add(new ArrayList<>());
        }
        for (Rule rule : d.rules()) {
            if (rule.trigger() != direction) {
                continue;
            }
            Optional<RegisterTarget> target = target(rule.target());
            if (target.isEmpty()) {
                continue;
            }
            RegisterTarget t = target.get();
            List<Action> actions = actions(rule.effects());
            if (t.index().isEmpty()) {
                bySlot.get(t.firstSlot()).add(new CompiledRule(t, 0, rule.compare(), rule.value(), rule.guard(), actions));
                continue;
            }
            OptionalLong constantIndex = Exprs.constant(t.index().get());
            for (int e = 0; e < t.count(); e++) {
                if (constantIndex.isPresent() && constantIndex.getAsLong() != e) {
                    continue;
                }
                int element = constantIndex.isPresent() ? e : -1;
                bySlot.get(t.firstSlot() + e).add(new CompiledRule(t, element, rule.compare(), rule.value(), rule.guard(),
                        actions));
            }
        }
        CompiledRule[][] out = new CompiledRule[slots][];
        for (int i = 0; i < slots; i++) {
            out[i] = bySlot.get(i).toArray(new CompiledRule[0]);
        }
        return out;
    }

    /** The slots and bits a reference names; empty for an unknown register or field. */
    Optional<RegisterTarget> target(RegRef ref) {
        RegisterSlots rs = registers.get(ref.register().text());
        if (rs == null) {
            return Optional.empty();
        }
        Optional<Expr> index = rs.register().isArray() ? ref.index() : Optional.empty();
        if (ref.field().isEmpty()) {
            return Optional.of(new RegisterTarget(rs.firstSlot(), rs.count(), index, -1L, 0, true));
        }
        Optional<Field> field = rs.register().field(ref.field().get().text());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        BitRange bits = field.get().bits();
        return Optional.of(new RegisterTarget(rs.firstSlot(), rs.count(), index, bits.mask(), bits.low(), false));
    }

    List<Action> actions(List<Effect> effects) {
        List<Action> out = new ArrayList<>();
        for (Effect e : effects) {
            Action a = action(e);
            if (a != null) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private Action action(Effect e) {
        if (e instanceof Effect.Translation t) {
            return new Action.SetTranslation(TranslationMode.valueOf(t.mode().name()));
        }
        if (e instanceof Effect.Stall s) {
            return new Action.SetStall(s.on());
        }
        if (e instanceof Effect.Invalidate i) {
            return new Action.Invalidate(i.cache() != org.iommuc.dsl.model.CacheKind.TLB, i.scope(), i.args());
        }
        if (e instanceof Effect.Reset) {
            return new Action.Reset();
        }
        if (e instanceof Effect.FaultDone f) {
            return new Action.FinishFault(f.resume());
        }
        if (e instanceof Effect.FaultAction f) {
            return new Action.ChooseFaultAction(f.stall());
        }
        if (e instanceof Effect.Redirect r) {
            return new Action.Redirect(r.address());
        }
        if (e instanceof Effect.Assign a) {
            return target(a.target()).map(t -> (Action) new Action.Assign(t, a.value())).orElse(null);
        }
        if (e instanceof Effect.If i) {
            return new Action.If(i.condition(), actions(i.then()), actions(i.otherwise()));
        }
        return null;
    }

    private CompiledFault[] faults(Description d) {
        List<CompiledFault> out = new ArrayList<>();
        for (FaultHandler h : d.faults()) {
            boolean[] kinds = new boolean[org.iommuc.runtime.FaultKind.values().length];
            for (Setting<org.iommuc.dsl.model.FaultKind> k : h.kinds()) {
                kinds[org.iommuc.runtime.FaultKind.valueOf(k.value().name()).ordinal()] = true;
            }
            boolean[] at = null;
            if (!h.levels().isEmpty()) {
                at = new boolean[d.levels().size()];
                for (Ident level : h.levels()) {
                    int index = levelIndex(d, level.text());
                    if (index >= 0) {
                        at[index] = true;
                    }
                }
            }
            out.add(new CompiledFault(kinds, at, h.guard(), actions(h.effects())));
        }
        return out.toArray(new CompiledFault[0]);
    }

    private static int levelIndex(Description d, String name) {
        List<Level> levels = d.levels();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().text().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------
    // The walk

    private LevelPlan[] levels(Description d) {
        List<Level> levels = d.levels();
        boolean[] walkCached = settings.walkCacheLevels();
        LevelPlan[] out = new LevelPlan[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            List<KindPlan> kinds = new ArrayList<>();
            int entryBytes = 4;
            for (EntryKind kind : level.kinds()) {
                int formatIndex = formatIndex(d, kind.format().text());
                if (formatIndex < 0) {
                    continue;
                }
                EntryCodec codec = codecs[formatIndex];
                entryBytes = Math.max(1, codec.width() / 8);
                int shift = kind.leaf() ? 63 - Long.numberOfLeadingZeros(Math.max(1, kind.pageSizeValue())) : 0;
                long pageMask = shift >= 64 ? -1L : (1L << shift) - 1;
                kinds.add(new KindPlan(formatIndex, codec, kind.leaf(), shift, pageMask, Math.max(1, kind.contiguousValue()),
                        codec.tagMask(), codec.tagValue()));
            }
            boolean fixed = level.isFixed();
            long fixedIndex = level.fixedIndex().map(Setting::value).orElse(0L);
            int high = fixed ? 0 : Math.min(63, level.indexBits().get().high());
            int low = fixed ? 0 : Math.min(63, level.indexBits().get().low());
            long entries = fixed ? fixedIndex + 1 : (high - low + 1 >= 64 ? 0 : 1L << (high - low + 1));
            out[i] = new LevelPlan(level.name().text(), fixed, fixedIndex, high, low, entries, entryBytes,
                    kinds.toArray(new KindPlan[0]), i < walkCached.length && walkCached[i]);
        }
        return out;
    }

    static int formatIndex(Description d, String name) {
        List<Format> formats = d.formats();
        for (int i = 0; i < formats.size(); i++) {
            if (formats.get(i).name().text().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
