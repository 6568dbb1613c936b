package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Shared;

/** Reports a name defined twice in one namespace of a description (registers, fields, formats, levels, ...). */
final class DuplicateNames implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        Namespace registers = new Namespace("register", "", diagnostics);
        for (Register r : description.registers()) {
            registers.define(r.name());
            registerMembers(r, diagnostics);
        }
        Namespace formats = new Namespace("format", "", diagnostics);
        for (Format f : description.formats()) {
            formats.define(f.name());
            formatMembers(f, diagnostics);
        }
        Namespace levels = new Namespace("level", "", diagnostics);
        for (Level l : description.levels()) {
            levels.define(l.name());
        }
        Namespace shared = new Namespace("shared page or table", "", diagnostics);
        for (Shared s : StructureSupport.shared(description)) {
            shared.define(s.name());
        }
        Namespace sequences = new Namespace("sequence", "", diagnostics);
        for (Sequence s : description.sequences()) {
            sequences.define(s.name());
            Namespace params = new Namespace("parameter", " of sequence " + s.name().text(), diagnostics);
            for (Ident p : s.params()) {
                params.define(p);
            }
        }
        Namespace constants = new Namespace("constant", "", diagnostics);
        for (Constant c : description.constants()) {
            constants.define(c.name());
        }
        // buffers and options are both names of sequences: one namespace, in source order
        Namespace buffers = new Namespace("buffer or option", "", diagnostics);
        List<Ident> driverNames = new ArrayList<>();
        description.buffers().forEach(b -> driverNames.add(b.name()));
        description.options().forEach(o -> driverNames.add(o.name()));
        // source order within a file; files in the order their first name comes (a base's first)
        List<String> files = new ArrayList<>();
        driverNames.forEach(i -> {
            if (!files.contains(i.span().file())) {
                files.add(i.span().file());
            }
        });
        driverNames.sort(Comparator.comparingInt((Ident i) -> files.indexOf(i.span().file()))
                .thenComparingInt(i -> i.span().start()));
        driverNames.forEach(buffers::define);
        // a constant of the same name would win in a sequence, and the option be unreachable
        for (org.iommuc.dsl.model.DtOption o : description.options()) {
            description.constant(o.name().text()).ifPresent(c -> diagnostics.error(Code.E0100, o.name().span(),
                    "option '" + o.name().text() + "' has the name of a constant, which sequences would read instead;"
                    + " rename one of them", new Note(c.name().span(), "the constant is defined here")));
        }
        Namespace interrupts = new Namespace("interrupt", "", diagnostics);
        for (Interrupt i : description.interrupts()) {
            interrupts.define(i.name());
        }
    }

    private static void registerMembers(Register r, Diagnostics diagnostics) {
        String owner = r.name().text();
        enumNames(r.values(), " of register " + owner, diagnostics);
        Namespace fields = new Namespace("field", " of register " + owner, diagnostics);
        for (Field f : r.fields()) {
            fields.define(f.name());
            enumNames(f.values(), " of field " + owner + "." + f.name().text(), diagnostics);
        }
    }

    /** Entry fields and the address field share one namespace: both are arguments of an encoding. */
    private static void formatMembers(Format f, Diagnostics diagnostics) {
        String owner = f.name().text();
        Namespace fields = new Namespace("field", " of format " + owner, diagnostics);
        for (EntryField e : f.fields()) {
            fields.define(e.name());
            enumNames(e.values(), " of field " + owner + "." + e.name().text(), diagnostics);
        }
        for (AddressField a : f.addresses()) {
            fields.define(a.name());
        }
    }

    private static void enumNames(List<EnumValue> values, String owner, Diagnostics diagnostics) {
        Namespace names = new Namespace("enumerated value", owner, diagnostics);
        for (EnumValue v : values) {
            names.define(v.name());
        }
    }

    /** One namespace: the first definition of each name, and a report for every later one. */
    private static final class Namespace {
        private final String what;
        private final String owner;
        private final Diagnostics diagnostics;
        private final Map<String, Ident> first = new LinkedHashMap<>();

        /** Names "{what} 'X'{owner}": ("field", " of register STATUS"). */
        Namespace(String what, String owner, Diagnostics diagnostics) {
            this.what = what;
            this.owner = owner;
            this.diagnostics = diagnostics;
        }

        void define(Ident name) {
            Ident earlier = first.putIfAbsent(name.text(), name);
            if (earlier != null) {
                diagnostics.error(Code.E0100, name.span(), what + " '" + name.text() + "'" + owner + " is defined twice",
                        new Note(earlier.span(), "first defined here"));
            }
        }
    }
}
