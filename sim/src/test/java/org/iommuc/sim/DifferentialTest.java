package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model written by hand from the contract and the interpreter of the same description agree
 * event for event on random operations; a model that leaves something out is caught, with a
 * report that names the operation.
 */
class DifferentialTest {

    static final Description TOY = TestDescriptions.compile(HandModel.TEXT);

    static LongStream seeds() {
        long base = Long.getLong("differential.seed", 1);
        return LongStream.range(base, base + 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void handWrittenModelAndInterpreterAgreeOn20000RandomOperations(long seed) {
        List<Operation> ops = Operations.random(TOY, seed, 20_000);
        Differential.Result result = Differential.run(Interpreter.model(TOY), new HandModel(false), ops);
        assertThat(result.same()).as(result.report()).isTrue();
        assertThat(result.operations()).isEqualTo(20_000);
        TraceCounts counts = new TraceCounts();
        IommuEngine model = Interpreter.model(TOY);
        model.setTrace(counts);
        ops.forEach(op -> op.applyTo(model));
        for (TraceCounts.Kind kind : List.of(TraceCounts.Kind.WALKED, TraceCounts.Kind.TLB_HIT, TraceCounts.Kind.FAULTED,
                TraceCounts.Kind.STALE_READ, TraceCounts.Kind.NEGATIVE_FILL, TraceCounts.Kind.FAULT_RESUMED,
                TraceCounts.Kind.INVALIDATION, TraceCounts.Kind.INTERRUPT_CHANGE, TraceCounts.Kind.POWER)) {
            assertThat(counts.get(kind)).as("%s in %s", kind, counts.summary()).isPositive();
        }
    }

    @Test
    void aMissingLineFillIsReportedAtTheOperationThatShowsIt() {
        List<Operation> ops = Operations.random(TOY, 1, 20_000);
        Differential.Result result = Differential.run(Interpreter.model(TOY), new HandModel(true), ops);
        assertThat(result.same()).isFalse();
        Operation culprit = ops.get(result.operationIndex());
        assertThat(culprit).as("a DMA, or a resume that retries one").isInstanceOfAny(Operation.Dma.class,
                Operation.MmioWrite.class);
        assertThat(result.report())
                .startsWith("operation " + result.operationIndex() + " (" + culprit + ") led to the first difference\n")
                .contains("operations before it:", "first difference:")
                .containsPattern("  a: walk level 1 read 0x[0-9A-F]+ = ")
                .containsPattern("  b: (dma|tlb fill|walk)");
        assertThat(result.report().lines().count()).as("a short report").isLessThan(40);
    }

    @Test
    void aModelThatThrowsIsReportedNotPropagated() {
        IommuEngine throwing = new HandModel(false) {
            @Override
            protected long walk(int master, long iova, boolean write) {
                throw new IllegalStateException("broken walk");
            }
        };
        List<Operation> ops = Operations.random(TOY, 3, 2_000);
        Differential.Result result = Differential.run(Interpreter.model(TOY), throwing, ops);
        assertThat(result.same()).isFalse();
        assertThat(result.report()).contains("model b threw java.lang.IllegalStateException: broken walk");
    }
}
