package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.FaultAction;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.Outcome;
import org.iommuc.runtime.Trace;
import org.iommuc.runtime.TranslationMode;
import org.iommuc.sim.Differential;
import org.iommuc.sim.Interpreter;
import org.iommuc.sim.Operation;
import org.iommuc.sim.Operations;
import org.iommuc.sim.SimOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each model the plugin generated, constructed directly, and the interpreter of its description
 * run the same seeded random operations (MMIO, DMA, page-table writes with and without
 * cleaning, power) in strict mode and must produce the same trace event for event; a mismatch
 * names the first diverging event and the operation that led there. Seed:
 * {@code -Dmodels.seed=N}; count: {@code -Dmodels.operations=N}.
 */
class DifferentialTest {

    private static final long SEED = Long.getLong("models.seed", 20261201L);
    private static final int COUNT = Integer.getInteger("models.operations", 100_000);

    static Stream<Arguments> examples() {
        return GeneratedExample.ALL.stream().map(e -> Arguments.of(e, SEED + e.file().hashCode()));
    }

    @ParameterizedTest(name = "{0} strict, seed {1}")
    @MethodSource("examples")
    void generatedModelAndInterpreterAgreeEventForEvent(GeneratedExample example, long seed) {
        IommuEngine generated = example.newModel(true);
        IommuEngine interpreted = Interpreter.model(example.description(), new SimOptions(true));
        Differential.Result result = Differential.run(interpreted, generated,
                Operations.random(example.description(), seed, COUNT));
        assertThat(result.same()).as("%s (seed %d):%n%s", example, seed, result.report()).isTrue();
        assertThat(result.operations()).isEqualTo(COUNT);
        assertThat(result.events()).as("events traced").isGreaterThan(COUNT);
    }

    /**
     * The differential run of sun50i (the same operations: same seed, same count) really compares
     * its {@code bypass if}: some masters' DMA passes untranslated while translation is on, and
     * most DMA still translates.
     */
    @Test
    void sun50iRunBypassesSomeDmaWhileTranslationIsOn() {
        long[] counts = new long[2];
        replay("sun50i-h6.iommu", (model, dma) -> {
            if (model.translationMode() == TranslationMode.ON) {
                counts[dma.outcome() == Outcome.BYPASSED ? 0 : 1]++;
            }
        });
        assertThat(counts[0]).as("DMA bypassed while translation is on").isGreaterThan(500);
        assertThat(counts[1]).as("other DMA while translation is on").isGreaterThan(10 * counts[0]);
    }

    /**
     * The MediaTek M4U v1 run above really compares redirected transactions (its translation
     * faults go to the protect buffer): the same operations on the generated model redirect
     * some, at IVRP_PADDR.
     */
    @Test
    void theMtkRunReachesRedirectedTransactions() {
        long[] redirected = new long[1];
        replay("mtk-m4u-v1.iommu", (model, dma) -> {
            if (dma.action() == FaultAction.REDIRECT) {
                redirected[0]++;
            }
        });
        assertThat(redirected[0]).as("redirected transactions").isGreaterThan(100);
    }

    /** Runs the operations of an example's differential run on its generated model, showing {@code watcher} each DMA. */
    private static void replay(String file, BiConsumer<IommuEngine, Event.Dma> watcher) {
        GeneratedExample example = GeneratedExample.of(file);
        IommuEngine model = example.newModel(true);
        model.setTrace(new Trace() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void add(Event event) {
                if (event instanceof Event.Dma dma) {
                    watcher.accept(model, dma);
                }
            }
        });
        for (Operation op : Operations.random(example.description(), SEED + example.file().hashCode(), COUNT)) {
            op.applyTo(model);
        }
    }

    /** The comparison can fail: Rockchip v1's model runs v2's operations differently (its DTE_ADDR drops bits 11:0). */
    @Test
    void tellsTwoDifferentModelsApart() {
        GeneratedExample v1 = GeneratedExample.of("rockchip-v1.iommu");
        GeneratedExample v2 = GeneratedExample.of("rockchip-v2.iommu");
        Differential.Result result = Differential.run(Interpreter.model(v2.description(), new SimOptions(true)),
                v1.newModel(true), Operations.random(v2.description(), SEED, 10_000));
        assertThat(result.same()).isFalse();
        assertThat(result.report()).isNotEmpty();
    }
}
