package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a sequence that calls itself, directly or through other sequences (so the driver would
 * never finish it), once per cycle at the call that closes it.
 */
final class RecursiveSequenceCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        new Search(description, diagnostics).run();
    }

    /** A depth-first search over calls; a call to a sequence still on the path closes a cycle. */
    private static final class Search {
        private final Description description;
        private final Diagnostics diagnostics;
        private final List<Sequence> path = new ArrayList<>();
        private final Set<String> finished = new HashSet<>();

        Search(Description description, Diagnostics diagnostics) {
            this.description = description;
            this.diagnostics = diagnostics;
        }

        void run() {
            for (Sequence s : description.sequences()) {
                if (!finished.contains(s.name().text()) && !onPath(s.name().text())) {
                    visit(s);
                }
            }
        }

        private void visit(Sequence sequence) {
            path.add(sequence);
            List<Step.Call> calls = new ArrayList<>();
            BehaviourSupport.forEachStep(sequence.steps(), step -> {
                if (step instanceof Step.Call c) {
                    calls.add(c);
                }
            });
            for (Step.Call call : calls) {
                follow(call);
            }
            path.remove(path.size() - 1);
            finished.add(sequence.name().text());
        }

        private void follow(Step.Call call) {
            String name = call.sequence().text();
            Optional<Sequence> target = description.sequence(name);
            if (target.isEmpty() || finished.contains(name)) {
                return;
            }
            if (onPath(name)) {
                report(call, target.get());
                return;
            }
            visit(target.get());
        }

        private boolean onPath(String name) {
            for (Sequence s : path) {
                if (s.name().text().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private void report(Step.Call call, Sequence target) {
            String name = target.name().text();
            Sequence caller = path.get(path.size() - 1);
            if (caller.name().text().equals(name)) {
                diagnostics.error(Code.E0507, call.span(), "sequence '" + name + "' calls itself");
                return;
            }
            List<String> cycle = new ArrayList<>();
            for (int i = indexOf(name); i < path.size(); i++) {
                cycle.add(path.get(i).name().text());
            }
            cycle.add(name);
            diagnostics.error(Code.E0507, call.span(), "sequence '" + name + "' calls itself through "
                    + String.join(" -> ", cycle), new Note(target.name().span(), "'" + name + "' is defined here"));
        }

        private int indexOf(String name) {
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i).name().text().equals(name)) {
                    return i;
                }
            }
            return 0;
        }
    }
}
