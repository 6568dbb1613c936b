package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.model.Coherency;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.runtime.IommuEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The random operations of every example, run on the interpreter alone, really exercise it:
 * translated DMA through walks and TLB hits, faults, invalidations and interrupt changes. The
 * summary line of each example goes to the test output.
 */
class RandomOperationsCoverageTest {

    static final int OPERATIONS = 100_000;

    static List<String> examples() {
        return TestDescriptions.EXAMPLES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void randomOperationsReachEveryKindOfBehaviour(String example) {
        Description d = TestDescriptions.example(example);
        List<Operation> ops = Operations.random(d, 42, OPERATIONS);
        IommuEngine model = Interpreter.model(d);
        TraceCounts counts = new TraceCounts();
        model.setTrace(counts);
        for (Operation op : ops) {
            op.applyTo(model);
        }
        System.out.println(example + ": " + counts.summary());
        assertThat(ops).hasSize(OPERATIONS);
        assertThat(counts.get(TraceCounts.Kind.WALKED)).as("translated through a walk").isGreaterThan(2_000);
        assertThat(counts.get(TraceCounts.Kind.TLB_HIT)).as("TLB hits").isGreaterThan(2_000);
        assertThat(counts.get(TraceCounts.Kind.FAULTED)).as("faults").isGreaterThan(200);
        assertThat(counts.get(TraceCounts.Kind.INVALIDATION)).as("invalidations").isGreaterThan(500);
        assertThat(counts.get(TraceCounts.Kind.POWER)).as("power cycles").isGreaterThan(20);
        assertThat(counts.get(TraceCounts.Kind.MMIO_BUS_ERROR)).as("bus errors").isGreaterThan(100);
        if (!d.interrupts().isEmpty()) {
            assertThat(counts.get(TraceCounts.Kind.INTERRUPT_CHANGE)).as("interrupt changes").isGreaterThan(200);
        }
        if (d.walk().get().coherency() == Coherency.NONCOHERENT) {
            assertThat(counts.get(TraceCounts.Kind.STALE_READ)).as("stale entries walked").isGreaterThan(50);
        }
        if (stalls(d)) {
            assertThat(counts.get(TraceCounts.Kind.FAULT_RESUMED)).as("stalled faults resumed").isGreaterThan(200);
        }
        if (redirects(d)) {
            assertThat(counts.get(TraceCounts.Kind.REDIRECTED)).as("redirected faults").isGreaterThan(100);
        }
    }

    private static boolean redirects(Description d) {
        List<Effect> effects = new ArrayList<>();
        for (FaultHandler f : d.faults()) {
            effects.addAll(f.effects());
        }
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i) instanceof Effect.If branch) {
                effects.addAll(branch.then());
                effects.addAll(branch.otherwise());
            }
        }
        return effects.stream().anyMatch(e -> e instanceof Effect.Redirect);
    }

    private static boolean stalls(Description d) {
        return d.faults().stream().anyMatch(f -> f.effects().stream()
                .anyMatch(e -> e instanceof Effect.FaultAction a && a.stall()));
    }
}
