package org.iommuc.dsl.check;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Banks;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports misuse of register banks: a register read in a sequence of a banked description that
 * does not say which bank it reads (E0514); a loop over the banks or {@code all_banks} /
 * {@code any_bank} in a description without {@code banks} (E0517); a loop over the banks inside
 * another, written there or in a sequence it calls, and a bank query inside another (E0502);
 * {@code all_banks} / {@code any_bank} outside sequences (E0111).
 */
final class BankCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        Set<Expr> inSequences = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sequence s : description.sequences()) {
            BehaviourSupport.forEachStep(s.steps(), step -> inSequences.addAll(BehaviourSupport.runtimeExpressionsOf(step)));
        }
        for (Expr root : BehaviourSupport.allExpressions(description)) {
            if (!inSequences.contains(root)) {
                BehaviourSupport.forEachNode(root, e -> {
                    if (isQuantifier(e)) {
                        diagnostics.error(Code.E0111, e.span(), "'" + ((Builtin) e).function().keyword()
                                + "' is not available here: it asks every register bank, which only the driver does,"
                                + " so it exists only in sequences");
                    }
                });
            }
        }
        for (Sequence s : description.sequences()) {
            steps(description, s.steps(), null, diagnostics);
        }
    }

    /** The steps of a sequence; {@code loop} is the loop over the banks they are in, or null. */
    private static void steps(Description d, List<Step> steps, Step.ForBanks loop, Diagnostics diagnostics) {
        for (Step step : steps) {
            if (step instanceof Step.ForBanks f) {
                if (d.banks().isEmpty()) {
                    diagnostics.error(Code.E0517, f.span(), "loop over the banks, but iommu " + d.nameText()
                            + " has no banks; declare them (as in banks \"reg\";) or drop the loop");
                } else if (loop != null) {
                    diagnostics.error(Code.E0502, f.span(), "loop over the banks inside another loop over the banks;"
                            + " the body already runs once for each bank", new Note(loop.span(), "the outer loop is here"));
                }
                steps(d, f.body(), loop != null ? loop : f, diagnostics);
                continue;
            }
            for (Expr root : BehaviourSupport.runtimeExpressionsOf(step)) {
                expression(d, root, loop != null, false, diagnostics);
            }
            if (step instanceof Step.Call c && loop != null && d.banks().isPresent()) {
                innerLoop(d, c.sequence().text(), new HashSet<>()).ifPresent(inner -> diagnostics.error(Code.E0502,
                        c.span(), "call of " + c.sequence().text() + " inside a loop over the banks, but it loops over"
                                + " the banks itself; call it outside the loop, or drop one of the loops",
                        new Note(loop.span(), "the outer loop is here"), new Note(inner.span(), "the inner loop is here")));
            }
            for (List<Step> block : BehaviourSupport.blocksOf(step)) {
                steps(d, block, loop, diagnostics);
            }
        }
    }

    /** The first loop over the banks in sequence {@code name} or in a sequence it calls. */
    private static Optional<Step.ForBanks> innerLoop(Description d, String name, Set<String> seen) {
        Optional<Sequence> sequence = d.sequence(name);
        if (sequence.isEmpty() || !seen.add(name)) {
            return Optional.empty();
        }
        Step.ForBanks[] found = new Step.ForBanks[1];
        BehaviourSupport.forEachStep(sequence.get().steps(), step -> {
            if (found[0] == null && step instanceof Step.ForBanks f) {
                found[0] = f;
            } else if (found[0] == null && step instanceof Step.Call c) {
                found[0] = innerLoop(d, c.sequence().text(), seen).orElse(null);
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** {@code inQuery}: the expression is the argument of a bank query. */
    private static void expression(Description d, Expr expr, boolean inBank, boolean inQuery, Diagnostics diagnostics) {
        if (isQuantifier(expr)) {
            String word = ((Builtin) expr).function().keyword();
            if (d.banks().isEmpty()) {
                diagnostics.error(Code.E0517, expr.span(), "'" + word + "' asks every register bank, but iommu "
                        + d.nameText() + " has no banks; read the register directly, or declare the banks (as in"
                        + " banks \"reg\";)");
            } else if (inQuery) {
                diagnostics.error(Code.E0502, expr.span(), "'" + word + "' inside another bank query: the outer one"
                        + " already evaluates its condition on each bank in turn; ask the banks once");
            }
            // inside, every register read is evaluated on each bank in turn
            for (Expr child : BehaviourSupport.children(expr)) {
                expression(d, child, true, true, diagnostics);
            }
            return;
        }
        if (expr instanceof RegRead r && !inBank && d.banks().isPresent()) {
            Banks banks = d.banks().get();
            String name = BehaviourSupport.name(r);
            diagnostics.error(Code.E0514, r.span(), "read of " + name + " outside a loop over the banks: each of the"
                    + " banks of iommu " + d.nameText() + " has its own " + r.register() + "; read it in 'for bank in"
                    + " banks { ... }', or ask every bank with all_banks(...) or any_bank(...)",
                    new Note(banks.span(), "the banks are declared here"));
        }
        for (Expr child : BehaviourSupport.children(expr)) {
            expression(d, child, inBank, inQuery, diagnostics);
        }
    }

    private static boolean isQuantifier(Expr e) {
        return e instanceof Builtin b
                && (b.function() == Builtin.Function.ALL_BANKS || b.function() == Builtin.Function.ANY_BANK);
    }
}
