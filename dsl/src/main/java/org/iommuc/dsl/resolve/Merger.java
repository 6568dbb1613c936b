package org.iommuc.dsl.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Bypass;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.DtOption;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Removal;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Walk;

/**
 * Flattens {@code extends}: a derived description is its base with the removals applied, then
 * its own items laid over it. Items are matched by key: registers, formats, levels, sequences,
 * constants, interrupts and shared objects by name; rules by the register (and field) that
 * triggers them plus their condition; obligations by event; settings (iova, oa, walker, ...)
 * one by one. A matching item replaces the inherited one in place, a new one is appended. A
 * format written without a width amends the inherited format field by field.
 */
public final class Merger {

    private final Diagnostics diagnostics;
    private final Map<String, Description> declared;
    private final Map<String, Description> merged = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();

    /** @param declared every description loaded, by name */
    public Merger(Map<String, Description> declared, Diagnostics diagnostics) {
        this.declared = declared;
        this.diagnostics = diagnostics;
    }

    /** The complete description, or null when its chain of bases is broken. */
    public Description merge(Description description) {
        String name = description.name().text();
        if (merged.containsKey(name)) {
            return merged.get(name);
        }
        if (description.base().isEmpty()) {
            reportRemovalsWithoutBase(description);
            Description complete = withoutRemovals(description);
            merged.put(name, complete);
            return complete;
        }
        Ident baseName = description.base().get();
        Description base = declared.get(baseName.text());
        if (base == null) {
            List<String> others = new ArrayList<>(declared.keySet());
            others.remove(name);
            String hint = Suggestions.hint(baseName.text(), others);
            diagnostics.error(Code.E0102, baseName.span(), "unknown base description '" + baseName.text() + "'"
                    + (hint.isEmpty() ? "; include the file that declares it" : hint));
            merged.put(name, null);
            return null;
        }
        if (inProgress.contains(name)) {
            diagnostics.error(Code.E0103, baseName.span(), "'" + name + "' extends itself through "
                    + String.join(" -> ", inProgress) + " -> " + name);
            return null;
        }
        inProgress.add(name);
        Description mergedBase = merge(base);
        inProgress.remove(name);
        Description complete = mergedBase == null ? null : overlay(mergedBase, description);
        merged.put(name, complete);
        return complete;
    }

    private void reportRemovalsWithoutBase(Description description) {
        for (Removal removal : description.removals()) {
            diagnostics.error(Code.E0104, removal.span(), "'remove' needs a base description: '"
                    + description.name().text() + "' does not extend another");
        }
    }

    private static Description withoutRemovals(Description d) {
        return new Description(d.name(), d.doc(), d.base(), d.compatibles(), d.iovaBits(), d.oaBits(),
                d.tableOaBits(), d.aperture(), d.masters(), d.power(), d.resetTranslation(), d.bypass(), d.constants(),
                d.buffers(), d.options(), d.banks(), d.registers(), d.formats(),
                d.walk(), d.tlb(), d.walkCache(), d.rules(), d.faults(), d.interrupts(), d.sequences(),
                d.obligations(), List.of(), d.span());
    }

    // ---------------------------------------------------------------------------------------

    private Description overlay(Description base, Description derived) {
        Items items = new Items(base);
        for (Removal removal : derived.removals()) {
            items.remove(removal);
        }
        Walk walk = mergeWalk(items.walk, derived.walk());
        List<Format> formats = mergeFormats(items.formats, derived.formats());
        return new Description(
                derived.name(),
                derived.doc().isEmpty() ? base.doc() : derived.doc(),
                derived.base(),
                derived.compatibles().isEmpty() ? base.compatibles() : derived.compatibles(),
                derived.iovaBits().or(base::iovaBits),
                derived.oaBits().or(base::oaBits),
                derived.tableOaBits().or(base::tableOaBits),
                derived.aperture().or(base::aperture),
                derived.masters().or(base::masters),
                derived.power().or(base::power),
                derived.resetTranslation().or(base::resetTranslation),
                derived.bypass().isPresent() ? derived.bypass() : items.bypass,
                byKey(items.constants, derived.constants(), c -> c.name().text()),
                byKey(items.buffers, derived.buffers(), b -> b.name().text()),
                byKey(items.options, derived.options(), o -> o.name().text()),
                derived.banks().or(() -> items.banks),
                mergeRegisters(items.registers, derived.registers()),
                formats,
                Optional.ofNullable(walk),
                mergeCache(base.tlb(), derived.tlb()),
                derived.walkCache().isPresent() ? mergeCache(items.walkCache, derived.walkCache()) : items.walkCache,
                byKey(items.rules, derived.rules(), Merger::ruleKey),
                mergeFaults(items.faults, derived.faults()),
                byKey(items.interrupts, derived.interrupts(), i -> i.name().text()),
                byKey(items.sequences, derived.sequences(), s -> s.name().text()),
                byKey(items.obligations, derived.obligations(), Obligation::key),
                List.of(),
                derived.span());
    }

    /** The mutable lists of an inherited description while removals are applied. */
    private final class Items {
        final List<Constant> constants;
        final List<org.iommuc.dsl.model.Buffer> buffers;
        final List<Register> registers;
        final List<Format> formats;
        final List<Rule> rules;
        final List<FaultHandler> faults;
        final List<Interrupt> interrupts;
        final List<Sequence> sequences;
        final List<Obligation> obligations;
        final List<DtOption> options;
        Optional<org.iommuc.dsl.model.Banks> banks;
        Walk walk;
        Optional<Cache> walkCache;
        Optional<Bypass> bypass;

        Items(Description base) {
            constants = new ArrayList<>(base.constants());
            buffers = new ArrayList<>(base.buffers());
            registers = new ArrayList<>(base.registers());
            formats = new ArrayList<>(base.formats());
            rules = new ArrayList<>(base.rules());
            faults = new ArrayList<>(base.faults());
            interrupts = new ArrayList<>(base.interrupts());
            sequences = new ArrayList<>(base.sequences());
            obligations = new ArrayList<>(base.obligations());
            options = new ArrayList<>(base.options());
            banks = base.banks();
            walk = base.walk().orElse(null);
            walkCache = base.walkCache();
            bypass = base.bypass();
        }

        void remove(Removal removal) {
            List<Ident> path = removal.path();
            boolean found = switch (removal.kind()) {
                case REGISTER -> path.size() == 1 ? removeNamed(registers, path, r -> r.name().text())
                        : removeRegisterField(path);
                case FORMAT -> path.size() == 1 ? removeNamed(formats, path, f -> f.name().text())
                        : removeFormatField(path);
                case LEVEL -> removeLevel(path);
                case SEQUENCE -> removeNamed(sequences, path, s -> s.name().text());
                case RULE -> rules.removeIf(r -> matchesRule(r, path));
                case FAULT -> removeFaultKind(path);
                case CONST -> removeNamed(constants, path, c -> c.name().text());
                case OBLIGATION -> obligations.removeIf(o -> o.key().equals(joined(path, " ")));
                case INTERRUPT -> removeNamed(interrupts, path, i -> i.name().text());
                case SHARED -> removeShared(path);
                case EMPTY -> removeEmpty(path);
                case WALKCACHE -> removeWalkCache();
                case BUFFER -> removeNamed(buffers, path, b -> b.name().text());
                case OPTION -> removeNamed(options, path, o -> o.name().text());
                case BANKS -> removeBanks(path);
                case BYPASS -> removeBypass(path);
            };
            if (!found) {
                String what = removal.kind().keyword() + (path.isEmpty() ? "" : " " + joined(path, "."));
                diagnostics.error(Code.E0104, removal.span(), "cannot remove " + what + ": the base has no such item");
            }
        }

        private boolean removeRegisterField(List<Ident> path) {
            if (path.size() != 2) {
                return false;
            }
            for (int i = 0; i < registers.size(); i++) {
                Register r = registers.get(i);
                if (r.name().text().equals(path.get(0).text())) {
                    List<Field> fields = new ArrayList<>(r.fields());
                    if (!fields.removeIf(f -> f.name().text().equals(path.get(1).text()))) {
                        return false;
                    }
                    registers.set(i, new Register(r.name(), r.count(), r.offset(), r.stride(), r.access(), r.width(),
                            r.reset(), r.view(), r.clears(), r.value(), r.doc(), fields, r.values(), r.span()));
                    return true;
                }
            }
            return false;
        }

        private boolean removeFormatField(List<Ident> path) {
            if (path.size() != 2) {
                return false;
            }
            for (int i = 0; i < formats.size(); i++) {
                Format f = formats.get(i);
                if (f.name().text().equals(path.get(0).text())) {
                    String field = path.get(1).text();
                    List<EntryField> fields = new ArrayList<>(f.fields());
                    List<AddressField> addresses = new ArrayList<>(f.addresses());
                    boolean removed = fields.removeIf(x -> x.name().text().equals(field))
                            | addresses.removeIf(x -> x.name().text().equals(field));
                    if (!removed) {
                        return false;
                    }
                    formats.set(i, new Format(f.name(), f.width(), fields, addresses, f.reserved(), f.prot(),
                            f.allows(), f.doc(), f.span()));
                    return true;
                }
            }
            return false;
        }

        private boolean removeLevel(List<Ident> path) {
            if (walk == null || path.size() != 1) {
                return false;
            }
            List<Level> levels = new ArrayList<>(walk.levels());
            if (!levels.removeIf(l -> l.name().text().equals(path.get(0).text()))) {
                return false;
            }
            walk = new Walk(walk.root(), levels, walk.empties(), walk.shared(), walk.walker(), walk.span());
            return true;
        }

        private boolean removeShared(List<Ident> path) {
            if (walk == null || path.size() != 1) {
                return false;
            }
            List<Shared> shared = new ArrayList<>(walk.shared());
            if (!shared.removeIf(s -> s.name().text().equals(path.get(0).text()))) {
                return false;
            }
            walk = new Walk(walk.root(), walk.levels(), walk.empties(), shared, walk.walker(), walk.span());
            return true;
        }

        private boolean removeEmpty(List<Ident> path) {
            if (walk == null || path.size() != 1) {
                return false;
            }
            List<EmptyRule> empties = new ArrayList<>(walk.empties());
            if (!empties.removeIf(e -> e.level().map(Ident::text).orElse("").equals(path.get(0).text()))) {
                return false;
            }
            walk = new Walk(walk.root(), walk.levels(), empties, walk.shared(), walk.walker(), walk.span());
            return true;
        }

        private boolean removeBanks(List<Ident> path) {
            boolean present = path.isEmpty() && banks.isPresent();
            if (present) {
                banks = Optional.empty();
            }
            return present;
        }

        private boolean removeWalkCache() {
            boolean present = walkCache.isPresent();
            walkCache = Optional.empty();
            return present;
        }

        private boolean removeBypass(List<Ident> path) {
            boolean present = bypass.isPresent() && path.isEmpty();
            bypass = path.isEmpty() ? Optional.empty() : bypass;
            return present;
        }

        private boolean removeFaultKind(List<Ident> path) {
            if (path.size() != 1) {
                return false;
            }
            FaultKind kind = FaultKind.fromKeyword(path.get(0).text());
            boolean found = false;
            for (int i = faults.size() - 1; i >= 0; i--) {
                FaultHandler f = faults.get(i);
                if (kind == null || !f.handles(kind)) {
                    continue;
                }
                found = true;
                List<Setting<FaultKind>> kinds = new ArrayList<>(f.kinds());
                kinds.removeIf(k -> k.value() == kind);
                if (kinds.isEmpty()) {
                    faults.remove(i);
                } else {
                    faults.set(i, new FaultHandler(kinds, f.levels(), f.guard(), f.effects(), f.span()));
                }
            }
            return found;
        }
    }

    private static <T> boolean removeNamed(List<T> list, List<Ident> path, Function<T, String> key) {
        return path.size() == 1 && list.removeIf(item -> key.apply(item).equals(path.get(0).text()));
    }

    private static boolean matchesRule(Rule rule, List<Ident> path) {
        if (path.isEmpty() || path.size() > 2 || !rule.target().register().text().equals(path.get(0).text())) {
            return false;
        }
        return path.size() == 1 || rule.target().field().map(Ident::text).orElse("").equals(path.get(1).text());
    }

    private static String joined(List<Ident> path, String separator) {
        List<String> parts = new ArrayList<>();
        for (Ident i : path) {
            parts.add(i.text());
        }
        return String.join(separator, parts);
    }

    /** A rule's identity: its trigger and condition as written, without spans. */
    private static String ruleKey(Rule rule) {
        return rule.trigger() + " " + rule.target().text() + " "
                + rule.compare().map(Enum::name).orElse("") + " "
                + rule.value().map(Exprs::text).orElse("") + " if " + rule.guard().map(Exprs::text).orElse("");
    }

    // ---------------------------------------------------------------------------------------

    /**
     * The inherited items with the own items laid over them: an own item replaces the inherited
     * item of the same key in place, or is appended. Duplicates among the own items are all kept,
     * so the duplicate-name check reports them.
     */
    private static <T> List<T> byKey(List<T> inherited, List<T> own, Function<T, String> key) {
        List<T> result = new ArrayList<>(inherited);
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < inherited.size(); i++) {
            firstIndex.putIfAbsent(key.apply(inherited.get(i)), i);
        }
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (T item : own) {
            String k = key.apply(item);
            Integer index = replaced.add(k) ? firstIndex.get(k) : null;
            if (index != null) {
                result.set(index, item);
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private List<Register> mergeRegisters(List<Register> inherited, List<Register> own) {
        return byKey(inherited, own, r -> r.name().text());
    }

    private List<FaultHandler> mergeFaults(List<FaultHandler> inherited, List<FaultHandler> own) {
        if (own.isEmpty()) {
            return inherited;
        }
        List<FaultHandler> result = new ArrayList<>();
        for (FaultHandler f : inherited) {
            boolean replaced = false;
            for (FaultHandler mine : own) {
                for (Setting<FaultKind> kind : mine.kinds()) {
                    replaced |= f.handles(kind.value());
                }
            }
            if (!replaced) {
                result.add(f);
            }
        }
        result.addAll(own);
        return result;
    }

    private List<Format> mergeFormats(List<Format> inherited, List<Format> own) {
        List<Format> result = new ArrayList<>(inherited);
        java.util.Set<String> ownNames = new java.util.HashSet<>();
        for (Format mine : own) {
            if (!ownNames.add(mine.name().text())) {
                result.add(mine);
                continue;
            }
            int index = indexOf(result, mine.name().text());
            if (!mine.isAmendment()) {
                if (index >= 0) {
                    result.set(index, mine);
                } else {
                    result.add(mine);
                }
                continue;
            }
            if (index < 0) {
                diagnostics.error(Code.E0108, mine.name().span(), "format '" + mine.name().text()
                        + "' has no entry type and the base has no format of that name to amend; write 'format "
                        + mine.name().text() + " : u32 { ... }'");
                continue;
            }
            result.set(index, amend(result.get(index), mine));
        }
        return result;
    }

    private static int indexOf(List<Format> formats, String name) {
        for (int i = 0; i < formats.size(); i++) {
            if (formats.get(i).name().text().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Format amend(Format base, Format change) {
        List<EntryField> fields = new ArrayList<>(base.fields());
        List<AddressField> addresses = new ArrayList<>(base.addresses());
        for (EntryField f : change.fields()) {
            addresses.removeIf(a -> a.name().text().equals(f.name().text()));
            replaceOrAdd(fields, f, x -> x.name().text());
        }
        for (AddressField a : change.addresses()) {
            fields.removeIf(f -> f.name().text().equals(a.name().text()));
            replaceOrAdd(addresses, a, x -> x.name().text());
        }
        List<ProtRule> prot = new ArrayList<>(base.prot());
        for (ProtRule p : change.prot()) {
            replaceOrAdd(prot, p, x -> x.directions().toString());
        }
        List<AllowRule> allows = new ArrayList<>(base.allows());
        for (AllowRule a : change.allows()) {
            replaceOrAdd(allows, a, x -> x.direction().name());
        }
        return new Format(base.name(), base.width(), fields, addresses,
                change.reserved().isEmpty() ? base.reserved() : change.reserved(),
                prot, allows, change.doc().isEmpty() ? base.doc() : change.doc(), base.span());
    }

    private static <T> void replaceOrAdd(List<T> list, T item, Function<T, String> key) {
        String k = key.apply(item);
        for (int i = 0; i < list.size(); i++) {
            if (key.apply(list.get(i)).equals(k)) {
                list.set(i, item);
                return;
            }
        }
        list.add(item);
    }

    private Walk mergeWalk(Walk base, Optional<Walk> own) {
        if (own.isEmpty()) {
            return base;
        }
        Walk mine = own.get();
        if (base == null) {
            return mine;
        }
        List<Level> levels = byKey(base.levels(), mine.levels(), l -> l.name().text());
        List<EmptyRule> empties = byKey(base.empties(), mine.empties(), x -> x.level().map(Ident::text).orElse(""));
        List<Shared> shared = byKey(base.shared(), mine.shared(), x -> x.name().text());
        return new Walk(mine.root().or(base::root), levels, empties, shared, mine.walker().or(base::walker),
                mine.span());
    }

    private static Optional<Cache> mergeCache(Optional<Cache> base, Optional<Cache> own) {
        if (own.isEmpty() || base.isEmpty()) {
            return own.isPresent() ? own : base;
        }
        Cache b = base.get();
        Cache o = own.get();
        return Optional.of(new Cache(o.kind(),
                o.contents().isEmpty() ? b.contents() : o.contents(),
                o.line().or(b::line),
                o.capacity().or(b::capacity),
                o.tags().isEmpty() ? b.tags() : o.tags(),
                o.span()));
    }
}
