package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Walk;

/**
 * Reports an empty-entry rule that cannot hold: two rules for one level (or two walk-wide ones),
 * an empty entry that is not an entry of one of its level's kinds, a cleared field some of the
 * level's formats lack, or an empty slot of a faulting level that still matches a kind (a zero
 * entry, or an entry with the cleared field zero, must match no kind or the walk never faults;
 * Rockchip unmap clears only the valid bit, facts 1.3).
 */
final class EmptyEntries implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        if (description.walk().isEmpty()) {
            return;
        }
        Walk walk = description.walk().get();
        Map<String, EmptyRule> first = new LinkedHashMap<>();
        for (EmptyRule rule : walk.empties()) {
            String key = rule.level().map(Ident::text).orElse("");
            EmptyRule earlier = first.putIfAbsent(key, rule);
            if (earlier != null) {
                diagnostics.error(Code.E0409, rule.span(), "a second empty rule for " + UnknownNames.where(rule)
                        .replace("any level", "the whole walk") + "; give one rule per level and at most one for the whole walk",
                        new Note(earlier.span(), "the first is here"));
                continue;
            }
            rule.entry().ifPresent(entry -> entry(description, walk, rule, entry, diagnostics));
            rule.clearField().ifPresent(field -> cleared(description, walk, rule, field, diagnostics));
        }
        for (Level level : walk.levels()) {
            if (level.indexBits().isPresent()) {
                emptyMatchesNoKind(description, walk, level, diagnostics);
            }
        }
    }

    private static void entry(Description description, Walk walk, EmptyRule rule, Expr entry, Diagnostics diagnostics) {
        Optional<Level> level = rule.level().flatMap(l -> walk.level(l.text()));
        if (level.isEmpty()) {
            return;
        }
        List<String> kinds = new ArrayList<>();
        for (EntryKind kind : level.get().kinds()) {
            kinds.add(kind.format().text());
        }
        String name = level.get().name().text();
        if (!(entry instanceof Encode encode)) {
            diagnostics.error(Code.E0409, entry.span(), "the empty entry of level " + name
                    + " must be an entry of one of its kinds, as in " + (kinds.isEmpty() ? "pte" : kinds.get(0)) + "(...)");
            return;
        }
        if (!kinds.contains(encode.format())) {
            diagnostics.error(Code.E0409, entry.span(), "the empty entry of level " + name + " is a " + encode.format()
                    + " entry, but " + encode.format() + " is not a kind of " + name + " (its kinds: " + String.join(", ", kinds) + ")");
        }
    }

    private static void cleared(Description description, Walk walk, EmptyRule rule, Ident field,
            Diagnostics diagnostics) {
        List<Format> formats = UnknownNames.formatsOf(description, walk, rule);
        List<String> lacking = new ArrayList<>();
        for (Format f : formats) {
            if (f.field(field.text()).isEmpty()) {
                lacking.add(f.name().text());
            }
        }
        if (!lacking.isEmpty() && lacking.size() < formats.size()) {
            diagnostics.error(Code.E0409, field.span(), "unmap clears field " + field.text() + " in "
                    + UnknownNames.where(rule) + ", but format " + String.join(", ", lacking) + " has no such field");
        }
    }

    /**
     * In an indexed level whose empty slots fault, what unmap leaves behind must match no kind:
     * zero, or with {@code clear FIELD}, an entry whose FIELD is zero.
     */
    private static void emptyMatchesNoKind(Description description, Walk walk, Level level, Diagnostics diagnostics) {
        Optional<EmptyRule> rule = walk.emptyOf(level.name().text());
        if (rule.isPresent() && !rule.get().faults()) {
            return;
        }
        Optional<Ident> clear = rule.flatMap(EmptyRule::clearField);
        for (EntryKind kind : level.kinds()) {
            Optional<Format> format = StructureSupport.format(description, kind);
            if (format.isEmpty()) {
                continue;
            }
            KindTags.Tags tags = KindTags.Tags.of(format.get());
            if (!tags.known() || tags.mask() == 0 && level.kinds().size() > 1) {
                continue; // an invalid tag, or an untagged kind among others: reported elsewhere
            }
            if (clear.isEmpty()) {
                if (tags.value() == 0) {
                    diagnostics.error(Code.E0409, kind.format().span(), "an empty slot of level " + level.name().text()
                            + " holds 0, which matches kind " + kind.format().text() + " (" + tagsText(tags)
                            + "); give it a tag such as 'valid 0 = 1', or say what an empty slot holds with 'empty "
                            + level.name().text() + " = ...'");
                }
                continue;
            }
            Optional<EntryField> field = format.get().field(clear.get().text());
            if (field.isPresent() && (tags.value() & field.get().bits().mask()) == 0) {
                diagnostics.error(Code.E0409, clear.get().span(), "unmap clears only " + clear.get().text() + " in level "
                        + level.name().text() + ", but an entry of kind " + kind.format().text() + " with "
                        + clear.get().text() + " = 0 still matches it: its tags do not require a 1 in "
                        + clear.get().text(), new Note(kind.format().span(), "the kind is here"));
            }
        }
    }

    private static String tagsText(KindTags.Tags tags) {
        return tags.mask() == 0 ? "it has no tag bits" : "its tags require 0 in " + KindTags.bitsOf(tags.mask());
    }
}
