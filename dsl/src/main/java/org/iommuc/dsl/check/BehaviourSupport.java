package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Arg;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Buffer;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Call;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Index;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Member;
import org.iommuc.dsl.model.MethodCall;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.ObligationCall;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.model.Unary;

/**
 * Walks shared by the behaviour checks: every sub-expression of an expression, every effect of a
 * rule or fault handler (nested {@code if}s included), every step of a sequence (nested
 * {@code if}s and {@code poll ... else} blocks included), and every expression of a description
 * with the words that say where it stands.
 */
final class BehaviourSupport {

    private BehaviourSupport() {}

    /** An expression and where it is written ("a poll period"), for messages. */
    record Place(Expr expr, String where) {}

    // ---------------------------------------------------------------------------------------
    // Expressions

    /** Visits {@code expr} and every expression inside it, parents before children. */
    static void forEachNode(Expr expr, Consumer<Expr> visitor) {
        visitor.accept(expr);
        for (Expr child : children(expr)) {
            forEachNode(child, visitor);
        }
    }

    /** The direct sub-expressions of an expression, in source order. */
    static List<Expr> children(Expr expr) {
        if (expr instanceof RegRead r) {
            return r.index().map(List::of).orElse(List.of());
        }
        if (expr instanceof Unary u) {
            return List.of(u.operand());
        }
        if (expr instanceof Binary b) {
            return List.of(b.left(), b.right());
        }
        if (expr instanceof Conditional c) {
            return List.of(c.condition(), c.then(), c.otherwise());
        }
        if (expr instanceof Builtin b) {
            return b.args();
        }
        if (expr instanceof Encode e) {
            List<Expr> values = new ArrayList<>();
            for (FieldValue v : e.values()) {
                values.add(v.value());
            }
            return values;
        }
        if (expr instanceof Decode d) {
            return List.of(d.value());
        }
        return unresolvedChildren(expr);
    }

    /** Children of nodes that name resolution normally replaces; kept so odd models do not break walks. */
    private static List<Expr> unresolvedChildren(Expr expr) {
        if (expr instanceof Member m) {
            return List.of(m.target());
        }
        if (expr instanceof Index i) {
            return List.of(i.target(), i.index());
        }
        if (expr instanceof Call c) {
            return argValues(c.args());
        }
        if (expr instanceof MethodCall m) {
            List<Expr> all = new ArrayList<>();
            all.add(m.target());
            all.addAll(argValues(m.args()));
            return all;
        }
        return List.of();
    }

    static List<Expr> argValues(List<Arg> args) {
        List<Expr> values = new ArrayList<>();
        for (Arg a : args) {
            values.add(a.value());
        }
        return values;
    }

    /** Every register read in an expression, in source order. */
    static List<RegRead> registerReads(Expr expr) {
        List<RegRead> reads = new ArrayList<>();
        forEachNode(expr, e -> {
            if (e instanceof RegRead r) {
                reads.add(r);
            }
        });
        return reads;
    }

    /** The number of bits needed to hold {@code value} (unsigned): 0 for 0, 64 for a negative long. */
    static int bitLength(long value) {
        return 64 - Long.numberOfLeadingZeros(value);
    }

    /** The expression as source text, or {@code fallback} when the text is too long for a message. */
    static String shortText(Expr expr, String fallback) {
        String text = Exprs.text(expr);
        return text.length() <= 40 ? text : fallback;
    }

    // ---------------------------------------------------------------------------------------
    // Effects

    /** Visits every effect of a list, descending into both branches of each {@code if}. */
    static void forEachEffect(List<Effect> effects, Consumer<Effect> visitor) {
        for (Effect e : effects) {
            visitor.accept(e);
            if (e instanceof Effect.If i) {
                forEachEffect(i.then(), visitor);
                forEachEffect(i.otherwise(), visitor);
            }
        }
    }

    /** Every effect of every behaviour rule, nested ones included. */
    static List<Effect> ruleEffects(Description d) {
        List<Effect> all = new ArrayList<>();
        for (Rule r : d.rules()) {
            forEachEffect(r.effects(), all::add);
        }
        return all;
    }

    /** Every effect of every fault handler, nested ones included. */
    static List<Effect> faultEffects(Description d) {
        List<Effect> all = new ArrayList<>();
        for (FaultHandler f : d.faults()) {
            forEachEffect(f.effects(), all::add);
        }
        return all;
    }

    /** The expressions an effect itself holds (not those of nested effects). */
    static List<Expr> expressionsOf(Effect effect) {
        if (effect instanceof Effect.Invalidate i) {
            return i.args();
        }
        if (effect instanceof Effect.Assign a) {
            List<Expr> all = new ArrayList<>();
            a.target().index().ifPresent(all::add);
            all.add(a.value());
            return all;
        }
        if (effect instanceof Effect.If i) {
            return List.of(i.condition());
        }
        if (effect instanceof Effect.Redirect r) {
            return List.of(r.address());
        }
        return List.of();
    }

    // ---------------------------------------------------------------------------------------
    // Steps

    /**
     * Visits every step of a list, descending into {@code if} branches, {@code poll ... else}
     * and {@code call ... else} blocks and the bodies of {@code for} loops.
     */
    static void forEachStep(List<Step> steps, Consumer<Step> visitor) {
        for (Step s : steps) {
            visitor.accept(s);
            for (List<Step> block : blocksOf(s)) {
                forEachStep(block, visitor);
            }
        }
    }

    /**
     * The blocks of steps a step holds: the branches of an {@code if}, the body of a loop, the
     * {@code else} block of a {@code poll} or a {@code call} (the only block those two hold).
     */
    static List<List<Step>> blocksOf(Step s) {
        if (s instanceof Step.If i) {
            return List.of(i.then(), i.otherwise());
        }
        if (s instanceof Step.For f) {
            return List.of(f.body());
        }
        if (s instanceof Step.ForBanks f) {
            return List.of(f.body());
        }
        if (s instanceof Step.Poll p) {
            return p.otherwise().map(List::of).orElse(List.of());
        }
        if (s instanceof Step.Call c) {
            return c.otherwise().map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** The expressions a step evaluates at run time (not those of nested steps, nor times). */
    static List<Expr> runtimeExpressionsOf(Step step) {
        if (step instanceof Step.Write w) {
            List<Expr> all = new ArrayList<>();
            w.target().index().ifPresent(all::add);
            all.add(w.value());
            return all;
        }
        if (step instanceof Step.Poll p) {
            return List.of(p.condition());
        }
        if (step instanceof Step.Expect e) {
            return List.of(e.condition());
        }
        if (step instanceof Step.Let l) {
            return List.of(l.value());
        }
        if (step instanceof Step.Call c) {
            return c.args();
        }
        if (step instanceof Step.Report r) {
            return argValues(r.args());
        }
        if (step instanceof Step.If i) {
            return List.of(i.condition());
        }
        if (step instanceof Step.For f) {
            return List.of(f.first(), f.last());
        }
        return List.of();
    }

    // ---------------------------------------------------------------------------------------
    // Registers

    static Optional<Register> register(Description d, RegRef ref) {
        return d.register(ref.register().text());
    }

    static Optional<Field> field(Register r, RegRef ref) {
        return ref.field().flatMap(f -> r.field(f.text()));
    }

    /** {@code REG} or {@code REG.FIELD}, as written. */
    static String name(RegRead read) {
        return read.register() + read.field().map(f -> "." + f).orElse("");
    }

    // ---------------------------------------------------------------------------------------
    // Every expression of a description

    /** Every expression that must be constant, with where it stands (the resolver's constant scopes). */
    static List<Place> constantPlaces(Description d) {
        List<Place> places = new ArrayList<>();
        d.iovaBits().ifPresent(e -> places.add(new Place(e, "the IOVA width")));
        d.oaBits().ifPresent(e -> places.add(new Place(e, "the output address width")));
        d.tableOaBits().ifPresent(e -> places.add(new Place(e, "the table address width")));
        d.aperture().ifPresent(a -> {
            places.add(new Place(a.first(), "the aperture"));
            places.add(new Place(a.last(), "the aperture"));
        });
        d.masters().ifPresent(e -> places.add(new Place(e, "the number of masters")));
        for (Constant c : d.constants()) {
            places.add(new Place(c.value(), "the value of constant " + c.name().text()));
        }
        for (Buffer b : d.buffers()) {
            places.add(new Place(b.size(), "the size of buffer " + b.name().text()));
            b.align().ifPresent(e -> places.add(new Place(e, "the alignment of buffer " + b.name().text())));
        }
        for (Register r : d.registers()) {
            registerPlaces(r, places);
        }
        for (Format f : d.formats()) {
            formatPlaces(f, places);
        }
        for (Level l : d.levels()) {
            l.size().ifPresent(e -> places.add(new Place(e, "the table size of level " + l.name().text())));
            l.align().ifPresent(e -> places.add(new Place(e, "the table alignment of level " + l.name().text())));
        }
        d.tlb().ifPresent(c -> cachePlaces(c, places));
        d.walkCache().ifPresent(c -> cachePlaces(c, places));
        for (Sequence s : d.sequences()) {
            forEachStep(s.steps(), step -> stepPlaces(step, places));
        }
        for (Rule r : d.rules()) {
            r.target().index().ifPresent(e -> places.add(new Place(e, "the element a behaviour rule is on")));
        }
        return places;
    }

    private static void registerPlaces(Register r, List<Place> places) {
        String name = "register " + r.name().text();
        r.count().ifPresent(e -> places.add(new Place(e, "the element count of " + name)));
        places.add(new Place(r.offset(), "the offset of " + name));
        r.stride().ifPresent(e -> places.add(new Place(e, "the stride of " + name)));
        places.add(new Place(r.width(), "the width of " + name));
        r.reset().ifPresent(e -> places.add(new Place(e, "the reset value of " + name)));
        enumPlaces(r.values(), places);
        for (Field f : r.fields()) {
            f.reset().ifPresent(e -> places.add(new Place(e, "the reset value of " + r.name().text() + "."
                    + f.name().text())));
            enumPlaces(f.values(), places);
        }
    }

    private static void formatPlaces(Format f, List<Place> places) {
        for (EntryField field : f.fields()) {
            String name = f.name().text() + "." + field.name().text();
            field.tag().ifPresent(e -> places.add(new Place(e, "the tag value of " + name)));
            field.defaultValue().ifPresent(e -> places.add(new Place(e, "the default of " + name)));
            enumPlaces(field.values(), places);
        }
        for (ProtRule p : f.prot()) {
            for (Assignment a : p.assignments()) {
                places.add(new Place(a.value(), "a permission encoding"));
            }
        }
    }

    private static void enumPlaces(List<EnumValue> values, List<Place> places) {
        for (EnumValue v : values) {
            places.add(new Place(v.value(), "enumerated value " + v.name().text()));
        }
    }

    private static void cachePlaces(Cache c, List<Place> places) {
        c.line().ifPresent(e -> places.add(new Place(e, "the " + c.kind().keyword() + " line")));
        c.capacity().ifPresent(e -> places.add(new Place(e, "the " + c.kind().keyword() + " capacity")));
    }

    private static void stepPlaces(Step step, List<Place> places) {
        if (step instanceof Step.Poll p) {
            places.add(new Place(p.period(), "a poll period"));
            places.add(new Place(p.timeout(), "a poll timeout"));
        } else if (step instanceof Step.Delay delay) {
            places.add(new Place(delay.time(), "a delay"));
        } else if (step instanceof Step.For f) {
            f.by().ifPresent(by -> places.add(new Place(by, "a loop step")));
        }
    }

    /** Every expression of a description, constant or not, each one a root (not its sub-expressions). */
    static List<Expr> allExpressions(Description d) {
        List<Expr> all = new ArrayList<>();
        for (Place p : constantPlaces(d)) {
            all.add(p.expr());
        }
        for (Register r : d.registers()) {
            r.value().ifPresent(all::add);
        }
        for (Format f : d.formats()) {
            for (AllowRule a : f.allows()) {
                a.condition().ifPresent(all::add);
            }
        }
        d.walk().ifPresent(w -> {
            w.root().ifPresent(all::add);
            for (EmptyRule e : w.empties()) {
                e.entry().ifPresent(all::add);
            }
        });
        for (Rule r : d.rules()) {
            r.target().index().ifPresent(all::add);
            r.value().ifPresent(all::add);
            r.guard().ifPresent(all::add);
            forEachEffect(r.effects(), e -> all.addAll(expressionsOf(e)));
        }
        for (FaultHandler f : d.faults()) {
            f.guard().ifPresent(all::add);
            forEachEffect(f.effects(), e -> all.addAll(expressionsOf(e)));
        }
        d.bypass().ifPresent(b -> all.add(b.condition()));
        for (Interrupt i : d.interrupts()) {
            all.add(i.condition());
        }
        for (Sequence s : d.sequences()) {
            forEachStep(s.steps(), step -> all.addAll(runtimeExpressionsOf(step)));
        }
        for (Obligation o : d.obligations()) {
            for (ObligationCall call : o.calls()) {
                all.addAll(call.args());
            }
        }
        return all;
    }
}
