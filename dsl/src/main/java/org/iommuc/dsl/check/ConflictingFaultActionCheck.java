package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Setting;

/**
 * Reports a fault handler that can take more than one fault action ({@code stall;},
 * {@code abort;}, {@code redirect ADDRESS;}) on one path, and two unguarded handlers for the
 * same fault kind whose levels overlap: the hardware could do only one of them.
 */
final class ConflictingFaultActionCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (FaultHandler handler : description.faults()) {
            actions(handler.effects(), new ArrayList<>(), diagnostics);
        }
        List<FaultHandler> handlers = description.faults();
        for (int i = 0; i < handlers.size(); i++) {
            for (int j = 0; j < i; j++) {
                overlap(handlers.get(j), handlers.get(i), diagnostics);
            }
        }
    }

    /** Follows every path through the effects; returns the actions on the longest one. */
    private static List<Effect> actions(List<Effect> effects, List<Effect> before, Diagnostics diagnostics) {
        List<Effect> taken = new ArrayList<>(before);
        for (Effect effect : effects) {
            if (isAction(effect)) {
                if (!taken.isEmpty()) {
                    Effect first = taken.get(0);
                    diagnostics.error(Code.E0509, effect.span(), "a second fault action ('" + word(effect)
                            + "') after '" + word(first) + "'; a fault handler either stalls, aborts or redirects "
                            + "the transaction", new Note(first.span(), "the first fault action"));
                }
                taken.add(effect);
            } else if (effect instanceof Effect.If branch) {
                List<Effect> then = actions(branch.then(), taken, diagnostics);
                List<Effect> otherwise = actions(branch.otherwise(), taken, diagnostics);
                taken = then.size() >= otherwise.size() ? then : otherwise;
            }
        }
        return taken;
    }

    private static boolean isAction(Effect effect) {
        return effect instanceof Effect.FaultAction || effect instanceof Effect.Redirect;
    }

    private static String word(Effect action) {
        if (action instanceof Effect.FaultAction a) {
            return a.stall() ? "stall;" : "abort;";
        }
        return "redirect";
    }

    private static void overlap(FaultHandler first, FaultHandler second, Diagnostics diagnostics) {
        if (first.guard().isPresent() || second.guard().isPresent()) {
            return;
        }
        String levels = sharedLevels(first, second);
        if (levels == null) {
            return;
        }
        for (Setting<FaultKind> kind : second.kinds()) {
            if (!first.handles(kind.value())) {
                continue;
            }
            diagnostics.error(Code.E0509, kind.span(), "a second handler for " + kind.value().keyword()
                    + " faults" + levels + "; give each handler its own levels or a guard ('if ...')",
                    new Note(first.span(), "the first handler for " + kind.value().keyword() + " faults"));
        }
    }

    /** Words naming the levels both handlers cover ("" for every level), or null when they share none. */
    private static String sharedLevels(FaultHandler first, FaultHandler second) {
        if (first.levels().isEmpty() && second.levels().isEmpty()) {
            return "";
        }
        if (first.levels().isEmpty() || second.levels().isEmpty()) {
            List<Ident> named = first.levels().isEmpty() ? second.levels() : first.levels();
            return " at " + join(named);
        }
        List<Ident> common = new ArrayList<>();
        for (Ident level : second.levels()) {
            for (Ident other : first.levels()) {
                if (other.text().equals(level.text())) {
                    common.add(level);
                    break;
                }
            }
        }
        return common.isEmpty() ? null : " at " + join(common);
    }

    private static String join(List<Ident> levels) {
        List<String> names = new ArrayList<>();
        for (Ident l : levels) {
            names.add(l.text());
        }
        return "level" + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
    }
}
