package org.iommuc.dsl.check;

import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a read of a write-only register or field where software sees the result, which is 0:
 * in sequences, interrupt conditions, the walk root, computed registers, {@code on read} rules,
 * the read half of a {@code modify}, and {@code save}.
 */
final class WriteOnlyReadCheck implements Check {

    // Behaviour rules, fault handlers, permission rules and the bypass condition are the
    // hardware's side: they may use what software wrote (an address register that a flush
    // command then consumes, a per-master bypass latch).
    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Register r : description.registers()) {
            r.value().ifPresent(e -> reads(description, e, diagnostics));
        }
        description.walk().flatMap(w -> w.root()).ifPresent(e -> reads(description, e, diagnostics));
        for (Rule rule : description.rules()) {
            onRead(description, rule, diagnostics);
        }
        for (Interrupt i : description.interrupts()) {
            reads(description, i.condition(), diagnostics);
        }
        for (Sequence sequence : description.sequences()) {
            BehaviourSupport.forEachStep(sequence.steps(), step -> step(description, step, diagnostics));
        }
    }

    private static void step(Description description, Step step, Diagnostics diagnostics) {
        if (step instanceof Step.Write w && w.modify()) {
            Optional<Register> register = BehaviourSupport.register(description, w.target());
            if (register.isPresent() && !register.get().access().value().readable()) {
                diagnostics.error(Code.E0501, w.target().span(), "modify reads " + register.get().name().text()
                        + ", which is write-only (wo) and reads as 0; use 'write' to set the whole register");
            }
        }
        if (step instanceof Step.Save save) {
            save(description, save, diagnostics);
        }
        for (Expr e : BehaviourSupport.runtimeExpressionsOf(step)) {
            reads(description, e, diagnostics);
        }
    }

    private static void save(Description description, Step.Save save, Diagnostics diagnostics) {
        for (Ident name : save.registers()) {
            Optional<Register> register = description.register(name.text());
            if (register.isPresent() && !register.get().access().value().readable()) {
                diagnostics.error(Code.E0501, name.span(), name.text() + " is write-only (wo): saving it keeps 0, "
                        + "not what was written; keep the value the driver wrote instead");
            }
        }
    }

    private static void onRead(Description description, Rule rule, Diagnostics diagnostics) {
        if (rule.trigger() != Direction.READ) {
            return;
        }
        Optional<Register> register = BehaviourSupport.register(description, rule.target());
        if (register.isEmpty()) {
            return;
        }
        Optional<Field> field = BehaviourSupport.field(register.get(), rule.target());
        Access access = field.map(register.get()::accessOf).orElse(register.get().access().value());
        if (!access.readable()) {
            diagnostics.error(Code.E0501, rule.target().span(), rule.target().text()
                    + " is write-only (wo): software never reads it, so an 'on read' rule never runs");
        }
    }

    private static void reads(Description description, Expr expr, Diagnostics diagnostics) {
        for (RegRead read : BehaviourSupport.registerReads(expr)) {
            Optional<Register> register = description.register(read.register());
            if (register.isEmpty()) {
                continue;
            }
            Optional<Field> field = read.field().flatMap(register.get()::field);
            Access access = field.map(register.get()::accessOf).orElse(register.get().access().value());
            if (!access.readable()) {
                diagnostics.error(Code.E0501, read.span(), BehaviourSupport.name(read)
                        + " is write-only (wo): reading it gives 0, not what was written");
            }
        }
    }
}
