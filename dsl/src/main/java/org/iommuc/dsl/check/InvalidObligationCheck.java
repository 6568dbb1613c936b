package org.iommuc.dsl.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.resolve.Suggestions;

/**
 * Reports an obligation for an unknown event, a {@code link} obligation without a level, a
 * {@code map} or {@code unmap} obligation with one, and an event (and level) given twice.
 */
final class InvalidObligationCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        Map<String, Obligation> seen = new LinkedHashMap<>();
        for (Obligation o : description.obligations()) {
            if (!valid(o, diagnostics)) {
                continue;
            }
            Obligation first = seen.putIfAbsent(o.key(), o);
            if (first != null) {
                diagnostics.error(Code.E0510, o.event().span(), "obligation '" + o.key() + "' is given twice",
                        new Note(first.event().span(), "first given here"));
            }
        }
    }

    private static boolean valid(Obligation o, Diagnostics diagnostics) {
        String event = o.event().text();
        if (!Obligation.EVENTS.contains(event)) {
            diagnostics.error(Code.E0510, o.event().span(), "unknown obligation event '" + event
                    + "'; expected map, unmap or link" + Suggestions.hint(event, Obligation.EVENTS));
            return false;
        }
        if (event.equals("link") && o.level().isEmpty()) {
            diagnostics.error(Code.E0510, o.event().span(), "'link' needs the level whose table entry changes, "
                    + "as in 'link dt: flush_all;'");
            return false;
        }
        if (!event.equals("link") && o.level().isPresent()) {
            diagnostics.error(Code.E0510, o.level().get().span(), "'" + event
                    + "' applies to every level and takes no level name");
            return false;
        }
        return true;
    }
}
