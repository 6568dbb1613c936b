package org.iommuc.dsl.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.ProtRule;

/**
 * Reports permission encodings that contradict each other: two {@code prot} rules for one set of
 * directions, one field assigned twice in a rule, a tag field assigned, or {@code prot read} and
 * {@code prot write} giving one field different values with no {@code prot read | write} rule
 * to say what a read-write mapping (IOMMU_READ | IOMMU_WRITE) writes.
 */
final class ProtConflicts implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Format f : description.formats()) {
            Map<List<Direction>, ProtRule> bySet = new LinkedHashMap<>();
            for (ProtRule rule : f.prot()) {
                ProtRule earlier = bySet.putIfAbsent(rule.directions(), rule);
                if (earlier != null) {
                    diagnostics.error(Code.E0306, rule.span(), "format " + f.name().text() + " has two '"
                            + setText(rule.directions()) + "' rules", new Note(earlier.span(), "the first is here"));
                }
                assignments(f, rule, diagnostics);
            }
            readWrite(f, bySet, diagnostics);
        }
    }

    private static void assignments(Format f, ProtRule rule, Diagnostics diagnostics) {
        Map<String, Assignment> seen = new LinkedHashMap<>();
        for (Assignment a : rule.assignments()) {
            Assignment earlier = seen.putIfAbsent(a.field().text(), a);
            if (earlier != null) {
                diagnostics.error(Code.E0306, a.span(), "'" + setText(rule.directions()) + "' sets "
                        + a.field().text() + " twice", new Note(earlier.span(), "first set here"));
            }
            Optional<EntryField> field = f.field(a.field().text());
            if (field.isPresent() && field.get().isTag()) {
                diagnostics.error(Code.E0306, a.span(), "'" + setText(rule.directions()) + "' sets tag field "
                        + a.field().text() + ", which always holds its constant; permissions need a field of their own",
                        new Note(field.get().span(), a.field().text() + " is defined here"));
            }
        }
    }

    private static void readWrite(Format f, Map<List<Direction>, ProtRule> bySet, Diagnostics diagnostics) {
        ProtRule read = bySet.get(List.of(Direction.READ));
        ProtRule write = bySet.get(List.of(Direction.WRITE));
        if (read == null || write == null || bySet.containsKey(List.of(Direction.READ, Direction.WRITE))) {
            return;
        }
        for (Assignment w : write.assignments()) {
            for (Assignment r : read.assignments()) {
                if (!r.field().text().equals(w.field().text())) {
                    continue;
                }
                OptionalLong readValue = Exprs.constant(r.value());
                OptionalLong writeValue = Exprs.constant(w.value());
                if (readValue.isPresent() && writeValue.isPresent() && readValue.getAsLong() != writeValue.getAsLong()) {
                    diagnostics.error(Code.E0306, w.span(), "'prot read' sets " + r.field().text() + " to "
                            + StructureSupport.number(readValue.getAsLong()) + " and 'prot write' sets it to "
                            + StructureSupport.number(writeValue.getAsLong())
                            + ", so a read-write mapping is ambiguous; add 'prot read | write -> ...'",
                            new Note(r.span(), "'prot read' sets it here"));
                }
            }
        }
    }

    private static String setText(List<Direction> directions) {
        if (directions.isEmpty()) {
            return "prot none";
        }
        StringBuilder text = new StringBuilder("prot ");
        for (int i = 0; i < directions.size(); i++) {
            text.append(i == 0 ? "" : " | ").append(directions.get(i).keyword());
        }
        return text.toString();
    }
}
