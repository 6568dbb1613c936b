package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;

/**
 * Reports computed registers ({@code REG ro = expr}) whose values depend on each other in a
 * cycle ({@code A = B + 1; B = A;}): such a register has no value, and hardware could not build it.
 */
final class ComputedCycleCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        Map<String, Register> computed = new LinkedHashMap<>();
        for (Register r : description.registers()) {
            if (r.value().isPresent()) {
                computed.put(r.name().text(), r);
            }
        }
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String name : computed.keySet()) {
            visit(name, computed, state, new ArrayList<>(), diagnostics);
        }
    }

    /** Depth-first search: 1 while on the path, 2 when done. Each cycle is reported once. */
    private static void visit(String name, Map<String, Register> computed, Map<String, Integer> state,
            List<String> path, Diagnostics diagnostics) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            report(path.subList(path.indexOf(name), path.size()), computed, diagnostics);
            return;
        }
        state.put(name, 1);
        path.add(name);
        for (RegRead read : BehaviourSupport.registerReads(computed.get(name).value().get())) {
            if (computed.containsKey(read.register())) {
                visit(read.register(), computed, state, path, diagnostics);
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
    }

    private static void report(List<String> cycle, Map<String, Register> computed, Diagnostics diagnostics) {
        Register first = computed.get(cycle.get(0));
        String chain = String.join(" -> ", cycle) + " -> " + cycle.get(0);
        if (cycle.size() == 1) {
            diagnostics.error(Code.E0511, first.value().get().span(), "computed register " + first.name().text()
                    + " reads itself; compute it from other registers");
            return;
        }
        Register next = computed.get(cycle.get(1));
        diagnostics.error(Code.E0511, first.value().get().span(), "computed registers read each other: " + chain
                + "; one of them must be stored", new Note(next.value().get().span(), next.name().text() + " is computed here"));
    }
}
