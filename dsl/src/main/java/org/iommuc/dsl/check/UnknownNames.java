package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Power;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Walk;
import org.iommuc.dsl.resolve.Suggestions;

/**
 * Reports names of the structure the resolver does not bind and that name nothing, or something
 * of the wrong kind: {@code view}/{@code clears} registers, level kinds' formats, levels of shared
 * tables and empty rules, the field an empty rule clears, and the registers power loses.
 */
final class UnknownNames implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<String> registers = StructureSupport.registerNames(description);
        for (Register r : description.registers()) {
            r.view().ifPresent(v -> register(description, diagnostics, v, registers));
            r.clears().ifPresent(c -> register(description, diagnostics, c, registers));
        }
        description.power().ifPresent(p -> power(description, diagnostics, p, registers));
        description.walk().ifPresent(w -> walk(description, diagnostics, w));
    }

    private static void register(Description description, Diagnostics diagnostics, Ident name, List<String> registers) {
        if (description.register(name.text()).isEmpty()) {
            StructureSupport.unknown(description, diagnostics, name, "register", registers, "");
        }
    }

    private static void power(Description description, Diagnostics diagnostics, Power power, List<String> registers) {
        for (Ident r : power.registers()) {
            register(description, diagnostics, r, registers);
        }
        for (Ident r : power.except()) {
            register(description, diagnostics, r, registers);
        }
    }

    private static void walk(Description description, Diagnostics diagnostics, Walk walk) {
        List<String> formats = StructureSupport.formatNames(description);
        for (Level level : walk.levels()) {
            for (EntryKind kind : level.kinds()) {
                if (description.format(kind.format().text()).isEmpty()) {
                    StructureSupport.unknown(description, diagnostics, kind.format(), "format", formats,
                            " in level " + level.name().text());
                }
            }
        }
        List<String> levels = StructureSupport.levelNames(description);
        for (Shared shared : walk.shared()) {
            shared.level().ifPresent(l -> level(description, diagnostics, walk, l, levels));
        }
        for (EmptyRule empty : walk.empties()) {
            empty.level().ifPresent(l -> level(description, diagnostics, walk, l, levels));
            empty.clearField().ifPresent(f -> clearedField(description, diagnostics, walk, empty, f));
        }
    }

    private static void level(Description description, Diagnostics diagnostics, Walk walk, Ident name,
            List<String> levels) {
        if (walk.level(name.text()).isEmpty()) {
            StructureSupport.unknown(description, diagnostics, name, "level", levels, "");
        }
    }

    /** The cleared field must exist in the formats the rule applies to; EmptyEntries checks "in every one". */
    private static void clearedField(Description description, Diagnostics diagnostics, Walk walk, EmptyRule empty,
            Ident field) {
        List<Format> formats = formatsOf(description, walk, empty);
        if (formats.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Format f : formats) {
            if (f.field(field.text()).isPresent()) {
                return;
            }
            for (EntryField e : f.fields()) {
                if (!names.contains(e.name().text())) {
                    names.add(e.name().text());
                }
            }
        }
        diagnostics.error(Code.E0101, field.span(), "unknown field '" + field.text()
                + "': no format of " + where(empty) + " has it"
                + Suggestions.hint(field.text(), names));
    }

    /** The formats of the levels an empty rule applies to: its level, or every level for a walk-wide rule. */
    static List<Format> formatsOf(Description description, Walk walk, EmptyRule empty) {
        List<Format> formats = new ArrayList<>();
        for (Level level : walk.levels()) {
            Optional<Ident> own = empty.level();
            if (own.isPresent() && !own.get().text().equals(level.name().text())) {
                continue;
            }
            for (Format f : StructureSupport.formats(description, level)) {
                if (!formats.contains(f)) {
                    formats.add(f);
                }
            }
        }
        return formats;
    }

    static String where(EmptyRule empty) {
        return empty.level().map(l -> "level " + l.text()).orElse("any level");
    }
}
