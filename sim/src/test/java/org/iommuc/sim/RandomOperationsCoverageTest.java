package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iommuc.dsl.model.Description;
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
        assertThat(counts.get(TraceCounts.Kind.WALKED)).as("translated through a walk").isGreaterThan(100);
        assertThat(counts.get(TraceCounts.Kind.TLB_HIT)).as("TLB hits").isGreaterThan(100);
        assertThat(counts.get(TraceCounts.Kind.FAULTED)).as("faults").isGreaterThan(100);
        assertThat(counts.get(TraceCounts.Kind.INVALIDATION)).as("invalidations").isGreaterThan(100);
        if (!d.interrupts().isEmpty()) {
            assertThat(counts.get(TraceCounts.Kind.INTERRUPT_CHANGE)).as("interrupt changes").isGreaterThan(10);
        }
    }
}
