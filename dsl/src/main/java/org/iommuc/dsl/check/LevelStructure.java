package org.iommuc.dsl.check;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;

/**
 * Reports a walk that cannot work as written: formats of different widths in one table, a table
 * kind in the last level (it points nowhere), a level before the last with no table kind (the walk
 * cannot go on), or a leaf in a fixed-index level (it maps no IOVA bits).
 */
final class LevelStructure implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Level> levels = description.levels();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            boolean last = i == levels.size() - 1;
            widths(description, level, diagnostics);
            kinds(level, last, last ? null : levels.get(i + 1), diagnostics);
        }
    }

    private static void widths(Description description, Level level, Diagnostics diagnostics) {
        EntryKind firstKind = null;
        Format first = null;
        for (EntryKind kind : level.kinds()) {
            Optional<Format> format = StructureSupport.format(description, kind);
            if (format.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = format.get();
                firstKind = kind;
            } else if (format.get().widthValue() != first.widthValue()) {
                diagnostics.error(Code.E0407, kind.format().span(), "format " + kind.format().text() + " is "
                        + format.get().widthValue() + " bits wide, but " + first.name().text() + " in the same level "
                        + level.name().text() + " is " + first.widthValue() + "; the entries of one table have one width",
                        new Note(firstKind.format().span(), first.name().text() + " is used here"));
            }
        }
    }

    private static void kinds(Level level, boolean last, Level next, Diagnostics diagnostics) {
        boolean hasTable = false;
        for (EntryKind kind : level.kinds()) {
            if (!kind.leaf()) {
                hasTable = true;
                if (last) {
                    diagnostics.error(Code.E0407, kind.span(), "level " + level.name().text()
                            + " is the last level, so table kind " + kind.format().text()
                            + " has no next level to point at; the last level holds only leaves");
                }
            } else if (level.isFixed()) {
                diagnostics.error(Code.E0407, kind.span(), "level " + level.name().text()
                        + " has a fixed index, so it cannot hold leaf " + kind.format().text()
                        + ": a leaf maps the IOVA bits its level is indexed by");
            }
        }
        if (!last && !hasTable) {
            diagnostics.error(Code.E0407, level.name().span(), "level " + level.name().text()
                    + " has no table kind, so the walk never reaches the next level, " + next.name().text()
                    + "; give it a kind 'FORMAT table'");
        }
    }
}
