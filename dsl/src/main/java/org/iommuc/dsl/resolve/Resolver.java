package org.iommuc.dsl.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Aperture;
import org.iommuc.dsl.model.Arg;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Bypass;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Call;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryFieldRef;
import org.iommuc.dsl.model.EnumRef;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Index;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Member;
import org.iommuc.dsl.model.MethodCall;
import org.iommuc.dsl.model.Name;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.ObligationCall;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.model.Walk;
import org.iommuc.dsl.source.Span;

/**
 * Binds every name of a complete description: registers, fields, constants, enumerated values,
 * variables, formats, sequences. Each expression is rebuilt with resolved nodes; a name that
 * cannot be bound is reported (with a suggestion when one is close) and left as written.
 *
 * <p>A bare name is looked up in this order: sequence parameters and {@code let}s; fields of the
 * format (in permission rules); context variables; the enumerated values of the field being
 * assigned or compared; constants; shared pages and tables; registers; enumerated values of any
 * field when the name is unique.
 */
public final class Resolver {

    /** Parameters a {@code report fault(...)} step accepts. */
    public static final List<String> REPORT_ARGS = List.of("iova", "write", "master", "flags");

    private final Description description;
    private final Diagnostics diagnostics;
    private final Map<String, Long> constantValues = new HashMap<>();
    private final List<String> constantsInProgress = new ArrayList<>();

    // Lookups by name, built once so that resolution stays linear in the size of the description.
    // Where a name is declared twice the first declaration wins, as a search of the list would
    // find it (the duplicate is reported by the checks).
    private final Map<String, Register> registers = new HashMap<>();
    private final Map<String, Format> formats = new HashMap<>();
    private final Map<String, Sequence> sequences = new HashMap<>();
    private final Map<String, Constant> constants = new HashMap<>();
    private final Map<String, List<EnumRef>> enumsByName = new HashMap<>();

    private Resolver(Description description, Diagnostics diagnostics) {
        this.description = description;
        this.diagnostics = diagnostics;
        for (Register r : description.registers()) {
            registers.putIfAbsent(r.name().text(), r);
        }
        for (Format f : description.formats()) {
            formats.putIfAbsent(f.name().text(), f);
        }
        for (Sequence s : description.sequences()) {
            sequences.putIfAbsent(s.name().text(), s);
        }
        for (Constant c : description.constants()) {
            constants.putIfAbsent(c.name().text(), c);
        }
        indexEnumValues();
    }

    /** Every enumerated value of every register, field and entry field, by name, in declaration order. */
    private void indexEnumValues() {
        for (Register r : description.registers()) {
            indexEnumValues(r.values(), r.name().text());
            for (Field f : r.fields()) {
                indexEnumValues(f.values(), r.name().text() + "." + f.name().text());
            }
        }
        for (Format f : description.formats()) {
            for (EntryField e : f.fields()) {
                indexEnumValues(e.values(), f.name().text() + "." + e.name().text());
            }
        }
    }

    private void indexEnumValues(List<EnumValue> values, String owner) {
        for (EnumValue v : values) {
            enumsByName.computeIfAbsent(v.name().text(), k -> new ArrayList<>())
                    .add(new EnumRef(owner, v.name().text(), v.valueAsLong(), v.name().span()));
        }
    }

    private Optional<Register> registerNamed(String name) {
        return Optional.ofNullable(registers.get(name));
    }

    private Optional<Format> formatNamed(String name) {
        return Optional.ofNullable(formats.get(name));
    }

    public static Description resolve(Description description, Diagnostics diagnostics) {
        return new Resolver(description, diagnostics).run();
    }

    private Description run() {
        Description d = description;
        List<Constant> constants = new ArrayList<>();
        for (Constant c : d.constants()) {
            constants.add(new Constant(c.name(), constantExpr(c), c.doc(), c.span()));
        }
        Scope constant = Scope.constant("a constant expression");
        return new Description(d.name(), d.doc(), d.base(), d.compatibles(),
                d.iovaBits().map(e -> expr(e, constant)),
                d.oaBits().map(e -> expr(e, constant)),
                d.tableOaBits().map(e -> expr(e, constant)),
                d.aperture().map(a -> new Aperture(expr(a.first(), constant), expr(a.last(), constant), a.span())),
                d.masters().map(e -> expr(e, constant)),
                d.power(), d.resetTranslation(), d.bypass().map(this::bypass), constants,
                map(d.buffers(), this::buffer), d.options(), d.banks(),
                map(d.registers(), this::register),
                map(d.formats(), this::format),
                d.walk().map(this::walk),
                d.tlb().map(this::cache),
                d.walkCache().map(this::cache),
                map(d.rules(), this::rule),
                map(d.faults(), this::fault),
                map(d.interrupts(), this::interrupt),
                map(d.sequences(), this::sequence),
                map(d.obligations(), this::obligation),
                List.of(), d.span());
    }

    private interface Mapper<T> {
        T apply(T item);
    }

    private static <T> List<T> map(List<T> items, Mapper<T> mapper) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(mapper.apply(item));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // Constants

    private Expr constantExpr(Constant c) {
        return expr(c.value(), Scope.constant("the value of constant " + c.name().text()));
    }

    /** The value of a constant, computing (and cycle-checking) it on first use. */
    private Optional<Long> constantValue(Constant c, Span usedAt) {
        String name = c.name().text();
        if (constantValues.containsKey(name)) {
            return Optional.ofNullable(constantValues.get(name));
        }
        if (constantsInProgress.contains(name)) {
            diagnostics.error(Code.E0504, usedAt, "constant '" + name + "' is defined in terms of itself");
            constantValues.put(name, null);
            return Optional.empty();
        }
        constantsInProgress.add(name);
        Expr value = constantExpr(c);
        constantsInProgress.remove(name);
        Long result = Exprs.constant(value).isPresent() ? Exprs.constant(value).getAsLong() : null;
        constantValues.put(name, result);
        return Optional.ofNullable(result);
    }

    // ---------------------------------------------------------------------------------------
    // Items

    private org.iommuc.dsl.model.Buffer buffer(org.iommuc.dsl.model.Buffer b) {
        Scope constant = Scope.constant("a buffer size");
        return new org.iommuc.dsl.model.Buffer(b.name(), expr(b.size(), constant), b.align().map(e -> expr(e, constant)),
                b.doc(), b.span());
    }

    private Register register(Register r) {
        Scope constant = Scope.constant("a register declaration");
        List<Field> fields = new ArrayList<>();
        for (Field f : r.fields()) {
            Scope fieldScope = constant.expecting(f.values(), r.name().text() + "." + f.name().text());
            fields.add(new Field(f.name(), f.bits(), f.access(), f.reset().map(e -> expr(e, fieldScope)), f.doc(),
                    enumValues(f.values()), f.span()));
        }
        Scope registerScope = constant.expecting(r.values(), r.name().text());
        return new Register(r.name(), r.count().map(e -> expr(e, constant)), expr(r.offset(), constant),
                r.stride().map(e -> expr(e, constant)), r.access(), expr(r.width(), constant),
                r.reset().map(e -> expr(e, registerScope)), r.view(), r.clears(),
                r.value().map(e -> expr(e, Scope.runtime("the value of register " + r.name().text()))),
                r.doc(), fields, enumValues(r.values()), r.span());
    }

    private List<EnumValue> enumValues(List<EnumValue> values) {
        Scope constant = Scope.constant("an enumerated value");
        List<EnumValue> out = new ArrayList<>();
        for (EnumValue v : values) {
            out.add(new EnumValue(v.name(), expr(v.value(), constant), v.doc(), v.span()));
        }
        return out;
    }

    private Format format(Format f) {
        Scope constant = Scope.constant("an entry format");
        List<EntryField> fields = new ArrayList<>();
        for (EntryField field : f.fields()) {
            Scope fieldScope = constant.expecting(field.values(), f.name().text() + "." + field.name().text());
            fields.add(new EntryField(field.name(), field.bits(), field.tag().map(e -> expr(e, fieldScope)),
                    field.defaultValue().map(e -> expr(e, fieldScope)), field.doc(), enumValues(field.values()),
                    field.span()));
        }
        List<ProtRule> prot = new ArrayList<>();
        for (ProtRule p : f.prot()) {
            List<Assignment> assignments = new ArrayList<>();
            for (Assignment a : p.assignments()) {
                Optional<EntryField> target = f.field(a.field().text());
                if (target.isEmpty()) {
                    unknownFormatField(f, a.field());
                    assignments.add(a);
                    continue;
                }
                Scope scope = constant.expecting(target.get().values(), f.name().text() + "." + a.field().text());
                assignments.add(new Assignment(a.field(), expr(a.value(), scope), a.span()));
            }
            prot.add(new ProtRule(p.directions(), assignments, p.span()));
        }
        Scope allowScope = Scope.runtime("a permission rule", Var.IOVA, Var.WRITE, Var.READ, Var.MASTER).withFormat(f);
        List<AllowRule> allows = new ArrayList<>();
        for (AllowRule a : f.allows()) {
            allows.add(new AllowRule(a.direction(), a.condition().map(e -> expr(e, allowScope)), a.span()));
        }
        return new Format(f.name(), f.width(), fields, f.addresses(), f.reserved(), prot, allows, f.doc(), f.span());
    }

    private void unknownFormatField(Format f, Ident field) {
        List<String> names = new ArrayList<>();
        for (EntryField e : f.fields()) {
            names.add(e.name().text());
        }
        for (AddressField a : f.addresses()) {
            names.add(a.name().text());
        }
        diagnostics.error(Code.E0101, field.span(), "format '" + f.name().text() + "' has no field '" + field.text()
                + "'" + Suggestions.hint(field.text(), names));
    }

    private Walk walk(Walk w) {
        Scope constant = Scope.constant("a level");
        List<Level> levels = new ArrayList<>();
        for (Level l : w.levels()) {
            levels.add(new Level(l.name(), l.indexBits(), l.fixedIndex(), l.size().map(e -> expr(e, constant)),
                    l.align().map(e -> expr(e, constant)), l.kinds(), l.doc(), l.span()));
        }
        Scope emptyScope = Scope.constant("an empty entry").withShared();
        List<EmptyRule> empties = new ArrayList<>();
        for (EmptyRule e : w.empties()) {
            empties.add(new EmptyRule(e.level(), e.clearField(), e.entry().map(x -> expr(x, emptyScope)), e.span()));
        }
        return new Walk(w.root().map(e -> expr(e, Scope.runtime("the root"))), levels, empties, w.shared(),
                w.walker(), w.span());
    }

    private Cache cache(Cache c) {
        Scope constant = Scope.constant("a cache description");
        return new Cache(c.kind(), c.contents(), c.line().map(e -> expr(e, constant)),
                c.capacity().map(e -> expr(e, constant)), c.tags(), c.span());
    }

    private Rule rule(Rule r) {
        Optional<Register> trigger = registerNamed(r.target().register().text());
        Scope scope = Scope.runtime("a behaviour rule", Var.VALUE);
        if (trigger.isPresent()) {
            scope = scope.withTrigger(trigger.get());
        }
        RegRef target = regRef(r.target(), scope);
        Scope compareScope = expectingTarget(scope, r.target());
        return new Rule(r.trigger(), target, r.compare(), r.value().map(e -> expr(e, compareScope)),
                r.guard().map(e -> expr(e, compareScope)), effects(r.effects(), scope), r.span());
    }

    private FaultHandler fault(FaultHandler f) {
        Scope scope = Scope.runtime("a fault handler", Var.IOVA, Var.WRITE, Var.READ, Var.MASTER, Var.ENTRY);
        List<Ident> levels = new ArrayList<>();
        for (Ident level : f.levels()) {
            if (description.walk().flatMap(w -> w.level(level.text())).isEmpty()) {
                diagnostics.error(Code.E0101, level.span(), "unknown level '" + level.text() + "'"
                        + Suggestions.hint(level.text(), levelNames()));
            }
            levels.add(level);
        }
        return new FaultHandler(f.kinds(), levels, f.guard().map(e -> expr(e, scope)), effects(f.effects(), scope),
                f.span());
    }

    private Bypass bypass(Bypass b) {
        Scope scope = Scope.runtime("a bypass condition", Var.IOVA, Var.WRITE, Var.READ, Var.MASTER);
        return new Bypass(expr(b.condition(), scope), b.doc(), b.span());
    }

    private Interrupt interrupt(Interrupt i) {
        return new Interrupt(i.name(), expr(i.condition(), Scope.runtime("an interrupt")), i.doc(), i.span());
    }

    private Sequence sequence(Sequence s) {
        List<String> params = new ArrayList<>();
        for (Ident p : s.params()) {
            params.add(p.text());
        }
        Scope scope = Scope.runtime("sequence " + s.name().text(), Var.BUFFER, Var.DOMAIN_ATTACHED,
                Var.IDENTITY_ATTACHED).withParams(params);
        return new Sequence(s.name(), s.params(), steps(s.steps(), scope), s.doc(), s.span());
    }

    private Obligation obligation(Obligation o) {
        Scope scope = Scope.runtime("an obligation", Var.FIRST, Var.LAST, Var.SIZE, Var.EACH);
        scope = new Scope(scope.vars(), scope.params(), scope.lets(), null, null, List.of(), "", false, false,
                scope.where());
        List<ObligationCall> calls = new ArrayList<>();
        for (ObligationCall call : o.calls()) {
            checkCall(call.sequence(), call.args().size(), call.span());
            List<Expr> args = new ArrayList<>();
            for (Expr a : call.args()) {
                args.add(expr(a, scope));
            }
            calls.add(new ObligationCall(call.sequence(), args, call.span()));
        }
        if (o.level().isPresent() && description.walk().flatMap(w -> w.level(o.level().get().text())).isEmpty()) {
            diagnostics.error(Code.E0101, o.level().get().span(), "unknown level '" + o.level().get().text() + "'"
                    + Suggestions.hint(o.level().get().text(), levelNames()));
        }
        return new Obligation(o.event(), o.level(), calls, o.span());
    }

    private List<String> levelNames() {
        List<String> names = new ArrayList<>();
        for (Level l : description.levels()) {
            names.add(l.name().text());
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------
    // Effects and steps

    private List<Effect> effects(List<Effect> effects, Scope scope) {
        List<Effect> out = new ArrayList<>();
        for (Effect e : effects) {
            out.add(effect(e, scope));
        }
        return out;
    }

    private Effect effect(Effect e, Scope scope) {
        if (e instanceof Effect.Invalidate i) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : i.args()) {
                args.add(expr(a, scope));
            }
            return new Effect.Invalidate(i.cache(), i.scope(), args, i.span());
        }
        if (e instanceof Effect.Assign a) {
            RegRef target = regRef(a.target(), scope);
            return new Effect.Assign(target, expr(a.value(), expectingTarget(scope, a.target())), a.span());
        }
        if (e instanceof Effect.If i) {
            return new Effect.If(expr(i.condition(), scope), effects(i.then(), scope), effects(i.otherwise(), scope),
                    i.span());
        }
        if (e instanceof Effect.Redirect r) {
            return new Effect.Redirect(expr(r.address(), scope), r.span());
        }
        return e;
    }

    private List<Step> steps(List<Step> steps, Scope scope) {
        List<Step> out = new ArrayList<>();
        Scope current = scope;
        for (Step s : steps) {
            out.add(step(s, current));
            if (s instanceof Step.Let let) {
                checkLocalName(let.name(), current);
                current = current.withLet(let.name().text());
            }
        }
        return out;
    }

    /**
     * A {@code let} or loop variable may not take the name of a parameter, or of a {@code let}
     * or loop variable still in scope: the parameter would win, or the two would be confused.
     */
    private void checkLocalName(Ident name, Scope scope) {
        String text = name.text();
        if (scope.params().contains(text)) {
            diagnostics.error(Code.E0100, name.span(), "'" + text + "' is already a parameter of this " + scope.where()
                    + "; give the local value another name");
        } else if (scope.lets().contains(text)) {
            diagnostics.error(Code.E0100, name.span(), "'" + text + "' is already a 'let' or loop variable here;"
                    + " give it another name");
        }
    }

    private Step step(Step s, Scope scope) {
        if (s instanceof Step.Write w) {
            return new Step.Write(regRef(w.target(), scope), expr(w.value(), expectingTarget(scope, w.target())),
                    w.modify(), w.span());
        }
        if (s instanceof Step.Poll p) {
            Scope constant = constantIn(scope, "a poll period or timeout");
            return new Step.Poll(expr(p.condition(), scope), expr(p.period(), constant), expr(p.timeout(), constant),
                    p.otherwise().map(o -> steps(o, scope)), p.span());
        }
        if (s instanceof Step.Expect e) {
            return new Step.Expect(expr(e.condition(), scope), e.message(), e.span());
        }
        if (s instanceof Step.Let l) {
            return new Step.Let(l.name(), expr(l.value(), scope), l.span());
        }
        if (s instanceof Step.Call c) {
            checkCall(c.sequence(), c.args().size(), c.span());
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(expr(a, scope));
            }
            return new Step.Call(c.sequence(), args, c.otherwise().map(o -> steps(o, scope)), c.span());
        }
        if (s instanceof Step.Delay d) {
            return new Step.Delay(expr(d.time(), constantIn(scope, "a delay")), d.span());
        }
        if (s instanceof Step.Report r) {
            List<Arg> args = new ArrayList<>();
            for (Arg a : r.args()) {
                if (a.name().isEmpty() || !REPORT_ARGS.contains(a.name().get().text())) {
                    String wrong = a.name().map(n -> "has no argument '" + n.text() + "'")
                            .orElse("takes named arguments only");
                    diagnostics.error(Code.E0110, a.name().map(Ident::span).orElse(a.span()), "'report fault' " + wrong
                            + "; it takes " + String.join(", ", REPORT_ARGS) + ", as in report fault(iova = a, write = w)");
                }
                args.add(new Arg(a.name(), expr(a.value(), scope), a.span()));
            }
            return new Step.Report(args, r.span());
        }
        if (s instanceof Step.If i) {
            return new Step.If(expr(i.condition(), scope), steps(i.then(), scope), steps(i.otherwise(), scope),
                    i.span());
        }
        if (s instanceof Step.For f) {
            checkLocalName(f.variable(), scope);
            // the variable is a name in the body only, as a 'let' is after it
            return new Step.For(f.variable(), expr(f.first(), scope), expr(f.last(), scope),
                    f.by().map(b -> expr(b, constantIn(scope, "a loop step"))),
                    steps(f.body(), scope.withLet(f.variable().text())), f.span());
        }
        if (s instanceof Step.ForBanks f) {
            checkLocalName(f.variable(), scope);
            return new Step.ForBanks(f.variable(), steps(f.body(), scope.withLet(f.variable().text())), f.span());
        }
        if (s instanceof Step.Save save) {
            save.registers().forEach(this::lookupRegister);
        }
        if (s instanceof Step.Restore restore) {
            restore.registers().forEach(this::lookupRegister);
        }
        return s;
    }

    /**
     * A place of a sequence that must be constant: it reads no register, but it still knows the
     * parameters, locals, buffers, options and driver state, so that using one is reported as not
     * constant (E0505, by the checks) rather than as an unknown or misplaced name.
     */
    private static Scope constantIn(Scope sequence, String where) {
        return new Scope(sequence.vars(), sequence.params(), sequence.lets(), null, null, List.of(), "", false, false,
                where);
    }

    private void checkCall(Ident sequence, int argumentCount, Span span) {
        Optional<Sequence> target = Optional.ofNullable(sequences.get(sequence.text()));
        if (target.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Sequence s : description.sequences()) {
                names.add(s.name().text());
            }
            diagnostics.error(Code.E0101, sequence.span(), "unknown sequence '" + sequence.text() + "'"
                    + Suggestions.hint(sequence.text(), names));
            return;
        }
        int expected = target.get().params().size();
        if (expected != argumentCount) {
            diagnostics.error(Code.E0110, span, "sequence '" + sequence.text() + "' takes " + expected
                    + (expected == 1 ? " argument" : " arguments") + ", not " + argumentCount,
                    new Note(target.get().name().span(), "'" + sequence.text() + "' is defined here"));
        }
    }

    /** Resolves the register, index and field of an assignment target or rule trigger. */
    private RegRef regRef(RegRef ref, Scope scope) {
        Optional<Register> register = lookupRegister(ref.register());
        Optional<Expr> index = ref.index().map(e -> expr(e, scope));
        if (register.isEmpty()) {
            return new RegRef(ref.register(), index, ref.field(), ref.span());
        }
        Register r = register.get();
        if (r.isArray() && index.isEmpty()) {
            diagnostics.error(Code.E0109, ref.register().span(), "register '" + r.name().text()
                    + "' is an array: name an element, as in " + r.name().text() + "[0]");
        } else if (!r.isArray() && index.isPresent()) {
            diagnostics.error(Code.E0109, ref.span(), "register '" + r.name().text() + "' is not an array");
        }
        ref.field().ifPresent(f -> checkField(r, f));
        return new RegRef(ref.register(), index, ref.field(), ref.span());
    }

    private Optional<Register> lookupRegister(Ident name) {
        Optional<Register> register = registerNamed(name.text());
        if (register.isEmpty()) {
            diagnostics.error(Code.E0101, name.span(), "unknown register '" + name.text() + "'"
                    + Suggestions.hint(name.text(), registerNames()));
        }
        return register;
    }

    private boolean checkField(Register r, Ident field) {
        if (r.field(field.text()).isPresent()) {
            return true;
        }
        List<String> names = new ArrayList<>();
        for (Field f : r.fields()) {
            names.add(f.name().text());
        }
        diagnostics.error(Code.E0101, field.span(), "register '" + r.name().text() + "' has no field '" + field.text()
                + "'" + Suggestions.hint(field.text(), names));
        return false;
    }

    private List<String> registerNames() {
        List<String> names = new ArrayList<>();
        for (Register r : description.registers()) {
            names.add(r.name().text());
        }
        return names;
    }

    private Scope expectingTarget(Scope scope, RegRef target) {
        Optional<Register> register = registerNamed(target.register().text());
        if (register.isEmpty()) {
            return scope;
        }
        if (target.field().isPresent()) {
            Optional<Field> field = register.get().field(target.field().get().text());
            return field.map(f -> scope.expecting(f.values(), target.text())).orElse(scope);
        }
        return scope.expecting(register.get().values(), target.text());
    }

    // ---------------------------------------------------------------------------------------
    // Expressions

    private Expr expr(Expr e, Scope scope) {
        if (e instanceof Name n) {
            return name(n.name(), scope);
        }
        if (e instanceof Member m) {
            return member(m, scope);
        }
        if (e instanceof Index i) {
            return index(i, Optional.empty(), i.span(), scope);
        }
        if (e instanceof Call c) {
            return call(c, scope);
        }
        if (e instanceof MethodCall m) {
            return method(m, scope);
        }
        if (e instanceof Unary u) {
            return new Unary(u.op(), expr(u.operand(), scope), u.span());
        }
        if (e instanceof Binary b) {
            return new Binary(b.op(), expr(b.left(), scope), expr(b.right(), scope), b.span());
        }
        if (e instanceof Conditional c) {
            return new Conditional(expr(c.condition(), scope), expr(c.then(), scope), expr(c.otherwise(), scope),
                    c.span());
        }
        return e;
    }

    private Expr name(Ident name, Scope scope) {
        String text = name.text();
        if (scope.params().contains(text)) {
            return new VarRef(text, Var.PARAM, name.span());
        }
        if (scope.lets().contains(text)) {
            return new VarRef(text, Var.LOCAL, name.span());
        }
        if (scope.format() != null && scope.format().field(text).isPresent()) {
            return new EntryFieldRef(scope.format().name().text(), text, name.span());
        }
        Var var = contextVar(text);
        if (var != null && (var == Var.DOMAIN_ATTACHED || var == Var.IDENTITY_ATTACHED) && registerNamed(text).isPresent()) {
            var = null; // a register of that name keeps its meaning (the state names came later)
        }
        if (var != null && scope.vars().contains(var)) {
            return new VarRef(text, var, name.span());
        }
        for (EnumValue v : scope.expected()) {
            if (v.name().text().equals(text)) {
                return new EnumRef(scope.expectedOwner(), text, v.valueAsLong(), name.span());
            }
        }
        Optional<Constant> constant = Optional.ofNullable(constants.get(text));
        if (constant.isPresent()) {
            Optional<Long> value = constantValue(constant.get(), name.span());
            return new ConstRef(text, value.orElse(0L), value.isEmpty(), name.span());
        }
        if (scope.sharedAllowed() && isShared(text)) {
            return new VarRef(text, Var.SHARED, name.span());
        }
        if (scope.vars().contains(Var.BUFFER) && description.buffer(text).isPresent()) {
            return new VarRef(text, Var.BUFFER, name.span());
        }
        if (scope.vars().contains(Var.BUFFER) && description.option(text).isPresent()) {
            // a device-tree option: sequences only, as buffers (the driver's side)
            return new VarRef(text, Var.OPTION, name.span());
        }
        Optional<Register> register = registerNamed(text);
        if (register.isPresent()) {
            return registerRead(register.get(), Optional.empty(), Optional.empty(), name.span(), name.span(), scope);
        }
        Optional<EnumRef> global = globalEnum(name);
        if (global.isPresent()) {
            return global.get();
        }
        if (var != null) {
            diagnostics.error(Code.E0111, name.span(), "'" + text + "' is not available in " + scope.where()
                    + "; it exists " + whereVarExists(var));
            return new Name(name);
        }
        if (description.option(text).isPresent() || description.buffer(text).isPresent()) {
            String what = description.option(text).isPresent() ? "a device-tree option" : "a buffer";
            diagnostics.error(Code.E0111, name.span(), "'" + text + "' is not available in " + scope.where() + "; it is "
                    + what + " of the driver, so it exists only in sequences");
            return new Name(name);
        }
        diagnostics.error(Code.E0101, name.span(), "unknown name '" + text + "' in " + scope.where()
                + Suggestions.hint(text, visibleNames(scope)));
        return new Name(name);
    }

    private Expr registerRead(Register r, Optional<Expr> index, Optional<String> field, Span nameSpan, Span span,
            Scope scope) {
        if (!scope.registersAllowed()) {
            diagnostics.error(Code.E0505, span, scope.where() + " must be constant, but it reads register '"
                    + r.name().text() + "'");
            return new Name(new Ident(r.name().text(), nameSpan));
        }
        if (r.isArray() && index.isEmpty()) {
            diagnostics.error(Code.E0109, nameSpan, "register '" + r.name().text()
                    + "' is an array: name an element, as in " + r.name().text() + "[0]");
        }
        return new RegRead(r.name().text(), index, field, span);
    }

    private Expr member(Member m, Scope scope) {
        Expr target = m.target();
        if (target instanceof Name n && registerNamed(n.name().text()).isPresent()
                && !shadowed(n.name().text(), scope)) {
            Register r = registerNamed(n.name().text()).get();
            if (!checkField(r, m.member())) {
                return m;
            }
            return registerRead(r, Optional.empty(), Optional.of(m.member().text()), n.name().span(), m.span(), scope);
        }
        if (target instanceof Index i) {
            return index(i, Optional.of(m.member()), m.span(), scope);
        }
        if (target instanceof Call c && formatNamed(c.function().text()).isPresent()) {
            return decode(c, m.member(), m.span(), scope);
        }
        if (target instanceof Name n && n.name().text().equals("value") && scope.trigger() != null
                && scope.vars().contains(Var.VALUE)) {
            Optional<Field> field = scope.trigger().field(m.member().text());
            if (field.isEmpty()) {
                checkField(scope.trigger(), m.member());
                return m;
            }
            return new org.iommuc.dsl.model.Builtin(org.iommuc.dsl.model.Builtin.Function.BITS,
                    List.of(new VarRef("value", Var.VALUE, n.span()), Num.of(field.get().bits().high()),
                            Num.of(field.get().bits().low())), m.span());
        }
        diagnostics.error(Code.E0109, m.span(), "'." + m.member().text()
                + "' needs a register, a register array element or a decoded entry such as dte(REG) on its left");
        return m;
    }

    private boolean shadowed(String name, Scope scope) {
        return scope.params().contains(name) || scope.lets().contains(name)
                || (scope.format() != null && scope.format().field(name).isPresent());
    }

    private Expr index(Index i, Optional<Ident> field, Span span, Scope scope) {
        if (!(i.target() instanceof Name n) || registerNamed(n.name().text()).isEmpty()) {
            diagnostics.error(Code.E0109, i.span(), "'[...]' needs a register array on its left");
            return i;
        }
        Register r = registerNamed(n.name().text()).get();
        if (!r.isArray()) {
            diagnostics.error(Code.E0109, i.span(), "register '" + r.name().text() + "' is not an array");
            return i;
        }
        if (field.isPresent() && !checkField(r, field.get())) {
            return i;
        }
        return registerRead(r, Optional.of(expr(i.index(), scope)), field.map(Ident::text), n.name().span(), span,
                scope);
    }

    private Expr call(Call c, Scope scope) {
        String function = c.function().text();
        Optional<Format> format = formatNamed(function);
        if (format.isPresent()) {
            return encode(c, format.get(), scope);
        }
        Builtin.Function builtin = Builtin.Function.fromKeyword(function);
        if (builtin == null) {
            List<String> names = new ArrayList<>();
            for (Builtin.Function f : Builtin.Function.values()) {
                names.add(f.keyword());
            }
            for (Format f : description.formats()) {
                names.add(f.name().text());
            }
            diagnostics.error(Code.E0101, c.function().span(), "unknown function or format '" + function + "'"
                    + Suggestions.hint(function, names));
            return c;
        }
        return builtin(builtin, c.args(), Optional.empty(), c.span(), scope);
    }

    private Expr method(MethodCall m, Scope scope) {
        Builtin.Function builtin = Builtin.Function.fromKeyword(m.method().text());
        if (builtin != Builtin.Function.BIT && builtin != Builtin.Function.BITS) {
            diagnostics.error(Code.E0101, m.method().span(), "unknown method '" + m.method().text()
                    + "'; expected .bit(n) or .bits(high, low)");
            return m;
        }
        return builtin(builtin, m.args(), Optional.of(expr(m.target(), scope)), m.span(), scope);
    }

    private Expr builtin(Builtin.Function function, List<Arg> args, Optional<Expr> receiver, Span span, Scope scope) {
        List<Expr> values = new ArrayList<>();
        receiver.ifPresent(values::add);
        for (Arg a : args) {
            if (a.name().isPresent()) {
                diagnostics.error(Code.E0110, a.span(), "'" + function.keyword() + "' takes positional arguments");
            }
            values.add(expr(a.value(), scope));
        }
        if (values.size() != function.arity()) {
            int given = values.size() - (receiver.isPresent() ? 1 : 0);
            int wanted = function.arity() - (receiver.isPresent() ? 1 : 0);
            diagnostics.error(Code.E0110, span, "'" + function.keyword() + "' takes " + wanted
                    + (wanted == 1 ? " argument" : " arguments") + ", not " + given);
            return new Num(0, Num.Unit.NONE, span);
        }
        return new Builtin(function, values, span);
    }

    private Expr encode(Call c, Format format, Scope scope) {
        if (c.args().size() == 1 && c.args().get(0).name().isEmpty()) {
            diagnostics.error(Code.E0110, c.span(), "decoding a " + format.name().text()
                    + " needs a field, as in " + format.name().text() + "(...)."
                    + format.address().map(a -> a.name().text()).orElse("field"));
            return c;
        }
        List<FieldValue> values = new ArrayList<>();
        for (Arg a : c.args()) {
            if (a.name().isEmpty()) {
                diagnostics.error(Code.E0110, a.span(), "an entry is encoded from named fields, as in "
                        + format.name().text() + "(" + format.address().map(x -> x.name().text()).orElse("field")
                        + " = ...)");
                continue;
            }
            Ident field = a.name().get();
            Optional<EntryField> entryField = format.field(field.text());
            boolean isAddress = format.address().map(x -> x.name().text().equals(field.text())).orElse(false);
            if (entryField.isEmpty() && !isAddress) {
                unknownFormatField(format, field);
                continue;
            }
            Scope valueScope = entryField.map(f -> scope.expecting(f.values(), format.name().text() + "." + field.text()))
                    .orElse(scope);
            values.add(new FieldValue(field.text(), expr(a.value(), valueScope), a.span()));
        }
        return new Encode(format.name().text(), values, c.span());
    }

    private Expr decode(Call c, Ident field, Span span, Scope scope) {
        Format format = formatNamed(c.function().text()).get();
        if (c.args().size() != 1 || c.args().get(0).name().isPresent()) {
            diagnostics.error(Code.E0110, c.span(), "decoding takes one value, as in " + format.name().text()
                    + "(REG)." + field.text());
            return c;
        }
        boolean isAddress = format.address().map(x -> x.name().text().equals(field.text())).orElse(false);
        if (format.field(field.text()).isEmpty() && !isAddress) {
            unknownFormatField(format, field);
            return c;
        }
        return new Decode(format.name().text(), expr(c.args().get(0).value(), scope), field.text(), span);
    }

    // ---------------------------------------------------------------------------------------
    // Lookup helpers

    private static Var contextVar(String text) {
        for (Var v : Var.values()) {
            if (v != Var.PARAM && v != Var.LOCAL && v != Var.SHARED && v != Var.BUFFER && v != Var.OPTION
                    && v.keyword().equals(text)) {
                return v;
            }
        }
        return null;
    }

    private static String whereVarExists(Var var) {
        switch (var) {
            case VALUE:
                return "only in behaviour rules (the value of the access)";
            case ENTRY:
                return "only in fault handlers";
            case FIRST:
            case LAST:
            case SIZE:
            case EACH:
                return "only in obligations";
            case DOMAIN_ATTACHED:
            case IDENTITY_ATTACHED:
                return "only in sequences (the driver's state)";
            default:
                return "only in fault handlers, permission rules and the bypass condition";
        }
    }

    private boolean isShared(String name) {
        for (Shared s : description.walk().map(Walk::shared).orElse(List.of())) {
            if (s.name().text().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** An enumerated value found by name among every field, when exactly one value matches. */
    private Optional<EnumRef> globalEnum(Ident name) {
        List<EnumRef> found = enumsByName.getOrDefault(name.text(), List.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EnumRef first = found.get(0);
        for (EnumRef other : found) {
            if (other.value() != first.value()) {
                List<String> owners = new ArrayList<>();
                for (EnumRef r : found) {
                    owners.add(r.owner());
                }
                diagnostics.error(Code.E0101, name.span(), "'" + name.text() + "' is ambiguous: it is a value of "
                        + String.join(", ", owners) + " with different values; use a constant or the number");
                break;
            }
        }
        return Optional.of(new EnumRef(first.owner(), name.text(), first.value(), name.span()));
    }

    private List<String> visibleNames(Scope scope) {
        List<String> names = new ArrayList<>(scope.params());
        names.addAll(scope.lets());
        for (Var v : scope.vars()) {
            names.add(v.keyword());
        }
        for (EnumValue v : scope.expected()) {
            names.add(v.name().text());
        }
        for (Constant c : description.constants()) {
            names.add(c.name().text());
        }
        if (scope.registersAllowed()) {
            names.addAll(registerNames());
        }
        if (scope.vars().contains(Var.BUFFER)) {
            // a sequence: the driver's buffers and device-tree options
            description.buffers().forEach(b -> names.add(b.name().text()));
            description.options().forEach(o -> names.add(o.name().text()));
        }
        if (scope.format() != null) {
            for (EntryField f : scope.format().fields()) {
                names.add(f.name().text());
            }
        }
        return names;
    }

}
