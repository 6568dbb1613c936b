package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;

/**
 * Which registers and fields the hardware itself can change, so that a value software waits
 * for ({@code poll}) or an interrupt condition can become true at all. A register or field
 * changes when a behaviour rule or fault handler assigns it, when it is self-clearing,
 * read-to-clear or write-1-to-clear, when a {@code clears} register clears it, and, if any rule
 * has a {@code reset;} effect, when it has a {@code reset} value. A computed register changes
 * when something it reads changes.
 *
 * <p>The analysis is deliberately generous: a field counts as changed when its whole register
 * is assigned, and a whole-register read counts as changed when any of its fields is.
 */
final class HardwareChanges {

    private static final Set<Access> CHANGING_ACCESS = Set.of(Access.SC, Access.RC, Access.W1C);

    private final Description description;
    private final Set<String> wholeRegisters = new HashSet<>();
    private final Set<String> fields = new HashSet<>();

    private HardwareChanges(Description description) {
        this.description = description;
    }

    static HardwareChanges of(Description description) {
        HardwareChanges changes = new HardwareChanges(description);
        changes.collect();
        return changes;
    }

    private void collect() {
        List<Effect> effects = new ArrayList<>(BehaviourSupport.ruleEffects(description));
        effects.addAll(BehaviourSupport.faultEffects(description));
        boolean resets = false;
        for (Effect e : effects) {
            if (e instanceof Effect.Assign a) {
                String register = a.target().register().text();
                if (a.target().field().isPresent()) {
                    fields.add(register + "." + a.target().field().get().text());
                } else {
                    wholeRegisters.add(register);
                }
            }
            resets |= e instanceof Effect.Reset;
        }
        for (Register r : description.registers()) {
            collect(r, resets);
        }
    }

    private void collect(Register r, boolean resets) {
        String name = r.name().text();
        if (CHANGING_ACCESS.contains(r.access().value()) || (resets && r.reset().isPresent())) {
            wholeRegisters.add(name);
        }
        r.clears().ifPresent(cleared -> wholeRegisters.add(cleared.text()));
        for (Field f : r.fields()) {
            if (CHANGING_ACCESS.contains(r.accessOf(f)) || (resets && f.reset().isPresent())) {
                fields.add(name + "." + f.name().text());
            }
        }
    }

    /** True when the hardware can change what {@code read} reads. */
    boolean changes(RegRead read) {
        return changes(read, new HashSet<>());
    }

    private boolean changes(RegRead read, Set<String> computing) {
        Optional<Register> register = description.register(read.register());
        if (register.isEmpty()) {
            return true;
        }
        Register r = register.get();
        if (r.value().isPresent()) {
            return computedChanges(r, computing);
        }
        String name = r.name().text();
        if (wholeRegisters.contains(name)) {
            return true;
        }
        if (read.field().isPresent()) {
            return fields.contains(name + "." + read.field().get());
        }
        for (Field f : r.fields()) {
            if (fields.contains(name + "." + f.name().text())) {
                return true;
            }
        }
        return false;
    }

    private boolean computedChanges(Register r, Set<String> computing) {
        if (!computing.add(r.name().text())) {
            return false;
        }
        for (RegRead inner : BehaviourSupport.registerReads(r.value().get())) {
            if (changes(inner, computing)) {
                return true;
            }
        }
        return false;
    }

    /** True when some register read in {@code expr} can be changed by the hardware. */
    boolean anyChanges(Expr expr) {
        for (RegRead read : BehaviourSupport.registerReads(expr)) {
            if (changes(read)) {
                return true;
            }
        }
        return false;
    }
}
