package org.iommuc.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.semantics.Evaluator;
import org.iommuc.dsl.semantics.RegisterLayout;
import org.iommuc.dsl.model.TotalOps;
import org.iommuc.runtime.TranslationMode;

/**
 * What register writes make a description's {@code on write} rules do something, found without
 * running a model: for every slot with rules, the values its rules compare against (and the
 * values their {@code if} conditions test {@code value} for), each classified by the effects it
 * reaches when the registers hold their reset values. {@link Operations} writes these values so
 * that translation really gets enabled, stalls end, faults are resumed and caches invalidated.
 */
final class Triggers {

    /** What a write makes the hardware do, as far as the random operations care. */
    enum Kind {
        TRANSLATION_ON, TRANSLATION_OFF, STALL_ON, STALL_OFF, INVALIDATE, INVALIDATE_ALL, RESUME, ABORT, RESET, OTHER
    }

    /** A write to a slot, what it does, and how many invalidations it runs. */
    record Trigger(int slot, long value, Set<Kind> kinds, int invalidations) {}

    private final CompiledDescription d;
    private final RegisterLayout layout;
    private final List<Trigger> all = new ArrayList<>();
    private final Map<Kind, List<Trigger>> byKind = new EnumMap<>(Kind.class);
    private final List<Integer> invalidateByValue = new ArrayList<>();
    private final List<List<Long>> candidates = new ArrayList<>();

    Triggers(CompiledDescription d) {
        this.d = d;
        this.layout = d.layout;
        for (Kind k : Kind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        for (int slot = 0; slot < layout.size(); slot++) {
            List<Long> values = new ArrayList<>(candidates(slot));
            candidates.add(values);
            for (long v : values) {
                Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                int invalidations = reached(slot, v, kinds);
                if (kinds.isEmpty()) {
                    continue;
                }
                Trigger t = new Trigger(slot, v, kinds, invalidations);
                all.add(t);
                for (Kind k : kinds) {
                    byKind.get(k).add(t);
                }
            }
            if (invalidatesByValue(slot)) {
                invalidateByValue.add(slot);
            }
        }
    }

    List<Trigger> all() {
        return all;
    }

    List<Trigger> of(Kind kind) {
        return byKind.get(kind);
    }

    /** What a write of {@code value} to a slot reaches, with the registers at reset. */
    Set<Kind> kindsOf(int slot, long value) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        reached(slot, value, kinds);
        return kinds;
    }

    /** Slots whose rules invalidate at an address taken from the value written ({@code page(value)}). */
    List<Integer> invalidateByValue() {
        return invalidateByValue;
    }

    /** The interesting values of a slot: those its rules compare against or test, enum values, 0 and all ones. */
    List<Long> valuesOf(int slot) {
        return candidates.get(slot);
    }

    // ---------------------------------------------------------------------------------------

    private Set<Long> candidates(int slot) {
        long ones = widthMask(layout.slots().get(slot).width());
        Set<Long> out = new LinkedHashSet<>();
        out.add(0L);
        out.add(ones);
        List<Long> hints = new ArrayList<>();
        for (CompiledDescription.CompiledRule rule : d.writeRules[slot]) {
            rule.compareValue().ifPresent(e -> hints(e, hints));
            rule.guard().ifPresent(e -> hints(e, hints));
            for (Action a : rule.actions()) {
                hints(a, hints);
            }
        }
        for (CompiledDescription.CompiledRule rule : d.writeRules[slot]) {
            long base = base(rule) & ones;
            out.add(base);
            out.add((base | ~rule.trigger().mask()) & ones);
            for (long h : hints) {
                out.add((base | h) & ones);
            }
        }
        for (long h : hints) {
            out.add(h & ones);
        }
        String register = layout.slots().get(slot).register();
        CompiledDescription.RegisterSlots rs = d.registers.get(register);
        for (Field f : rs.register().fields()) {
            for (EnumValue v : f.values()) {
                out.add((v.valueAsLong() << f.bits().low()) & f.bits().mask() & ones);
            }
        }
        for (EnumValue v : rs.register().values()) {
            out.add(v.valueAsLong() & ones);
        }
        return out;
    }

    /** A value that satisfies the rule's comparison: the compared value in the compared bits. */
    private long base(CompiledDescription.CompiledRule rule) {
        if (rule.compare().isEmpty() || rule.compareValue().isEmpty()) {
            return 0;
        }
        long c = Exprs.constant(rule.compareValue().get()).orElse(0);
        if (rule.compare().get() == BinaryOp.NE) {
            c = c + 1;
        }
        RegisterTarget t = rule.trigger();
        return t.wholeRegister() ? c : (c << t.low()) & t.mask();
    }

    /** Values the expressions of a rule test {@code value} (or its bits) for. */
    private static void hints(Expr e, List<Long> out) {
        if (e instanceof Binary b) {
            valueComparison(b.left(), b.right(), out);
            valueComparison(b.right(), b.left(), out);
            if (b.op() == BinaryOp.AND && isValue(b.left())) {
                Exprs.constant(b.right()).ifPresent(out::add);
            }
            hints(b.left(), out);
            hints(b.right(), out);
        } else if (e instanceof Builtin f) {
            if (f.function() == Builtin.Function.BIT && isValue(f.args().get(0))) {
                long n = Exprs.constant(f.args().get(1)).orElse(64);
                if (n < 64) {
                    out.add(1L << n);
                }
            }
            for (Expr a : f.args()) {
                hints(a, out);
            }
        } else if (e instanceof Unary u) {
            hints(u.operand(), out);
        } else if (e instanceof Conditional c) {
            hints(c.condition(), out);
            hints(c.then(), out);
            hints(c.otherwise(), out);
        }
    }

    private static void hints(Action a, List<Long> out) {
        if (a instanceof Action.If branch) {
            hints(branch.condition(), out);
            for (Action x : branch.then()) {
                hints(x, out);
            }
            for (Action x : branch.otherwise()) {
                hints(x, out);
            }
        }
    }

    /** {@code value == c}, {@code value.F == c} ({@code bits(value, h, l) == c}), and the same with !=. */
    private static void valueComparison(Expr side, Expr other, List<Long> out) {
        var c = Exprs.constant(other);
        if (c.isEmpty()) {
            return;
        }
        if (isValue(side)) {
            out.add(c.getAsLong());
            out.add(c.getAsLong() + 1);
            return;
        }
        if (side instanceof Builtin f && f.function() == Builtin.Function.BITS && isValue(f.args().get(0))) {
            long high = Exprs.constant(f.args().get(1)).orElse(63);
            long low = Exprs.constant(f.args().get(2)).orElse(0);
            if (low < 64) {
                long mask = TotalOps.mask(high, low);
                out.add((c.getAsLong() << low) & mask);
                out.add(((c.getAsLong() + 1) << low) & mask);
            }
        } else if (side instanceof Builtin f && f.function() == Builtin.Function.BIT && isValue(f.args().get(0))) {
            long n = Exprs.constant(f.args().get(1)).orElse(64);
            if (n < 64) {
                out.add((c.getAsLong() & 1) << n);
            }
        }
    }

    private static boolean isValue(Expr e) {
        return e instanceof VarRef v && v.kind() == Var.VALUE;
    }

    // ---------------------------------------------------------------------------------------
    // What a write reaches, with the registers at their reset values

    /** Adds the kinds of effect a write reaches; returns the number of invalidations it runs. */
    private int reached(int slot, long value, Set<Kind> kinds) {
        ResetEnv env = new ResetEnv(value);
        int invalidations = 0;
        for (CompiledDescription.CompiledRule rule : d.writeRules[slot]) {
            if (compareHolds(rule, value, env)) {
                invalidations += reach(rule.actions(), env, kinds);
            }
        }
        return invalidations;
    }

    private boolean compareHolds(CompiledDescription.CompiledRule rule, long value, ResetEnv env) {
        if (rule.compare().isEmpty() || rule.compareValue().isEmpty()) {
            return true;
        }
        long expected = d.evaluator.eval(rule.compareValue().get(), env);
        return TotalOps.binary(rule.compare().get(), rule.trigger().extract(value), expected) != 0;
    }

    private int reach(List<Action> actions, ResetEnv env, Set<Kind> kinds) {
        int invalidations = 0;
        for (Action a : actions) {
            if (a instanceof Action.If branch) {
                invalidations += reach(d.evaluator.eval(branch.condition(), env) != 0 ? branch.then() : branch.otherwise(),
                        env, kinds);
            } else if (a instanceof Action.SetTranslation t) {
                kinds.add(t.mode() == TranslationMode.ON ? Kind.TRANSLATION_ON : Kind.TRANSLATION_OFF);
            } else if (a instanceof Action.SetStall s) {
                kinds.add(s.on() ? Kind.STALL_ON : Kind.STALL_OFF);
            } else if (a instanceof Action.Invalidate inv) {
                invalidations++;
                kinds.add(Kind.INVALIDATE);
                if (!inv.walkCache() && inv.scope() == org.iommuc.dsl.model.InvalidateScope.ALL) {
                    kinds.add(Kind.INVALIDATE_ALL);
                }
            } else if (a instanceof Action.FinishFault f) {
                kinds.add(f.resume() ? Kind.RESUME : Kind.ABORT);
            } else if (a instanceof Action.Reset) {
                kinds.add(Kind.RESET);
            } else {
                kinds.add(Kind.OTHER);
            }
        }
        return invalidations;
    }

    private boolean invalidatesByValue(int slot) {
        for (CompiledDescription.CompiledRule rule : d.writeRules[slot]) {
            if (rule.compare().isEmpty() && invalidatesByValue(rule.actions())) {
                return true;
            }
        }
        return false;
    }

    private static boolean invalidatesByValue(List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof Action.Invalidate inv) {
                for (Expr arg : inv.args()) {
                    if (readsValue(arg)) {
                        return true;
                    }
                }
            } else if (a instanceof Action.If branch
                    && (invalidatesByValue(branch.then()) || invalidatesByValue(branch.otherwise()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsValue(Expr e) {
        if (isValue(e)) {
            return true;
        }
        if (e instanceof Binary b) {
            return readsValue(b.left()) || readsValue(b.right());
        }
        if (e instanceof Builtin f) {
            for (Expr a : f.args()) {
                if (readsValue(a)) {
                    return true;
                }
            }
        }
        if (e instanceof Unary u) {
            return readsValue(u.operand());
        }
        return false;
    }

    static long widthMask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** Registers at their reset values, {@code value} as given, every other variable 0. */
    private final class ResetEnv implements Evaluator.Env {
        private final long value;

        ResetEnv(long value) {
            this.value = value;
        }

        @Override
        public long register(String name, long index) {
            CompiledDescription.RegisterSlots rs = d.registers.get(name);
            if (rs == null || Long.compareUnsigned(index, rs.count()) >= 0) {
                return 0;
            }
            return layout.slots().get(rs.firstSlot() + (int) index).reset();
        }

        @Override
        public long variable(String name, Var kind) {
            return kind == Var.VALUE ? value : 0;
        }
    }
}
