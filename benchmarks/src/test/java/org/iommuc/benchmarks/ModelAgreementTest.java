package org.iommuc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.benchmarks.baseline.RockchipV2Baseline;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.PhysicalMemory;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.SystemMemory;
import org.iommuc.runtime.WalkerView;
import org.iommuc.sim.Differential;
import org.iommuc.sim.Interpreter;
import org.iommuc.sim.Operations;
import org.iommuc.sim.SimOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models the benchmarks compare do the same thing: the hand-written baseline produces the
 * interpreter's event trace on seeded random operations (sim's Operations, strict and bounded
 * caches), and every kind of {@link Models} produces the baseline's trace for a driver's
 * session written with {@link RockchipV2Tables}. Seeds: {@code -Ddifferential.seed=N}; count:
 * {@code -Ddifferential.count=N}.
 */
class ModelAgreementTest {

    private static final long SEED = Long.getLong("differential.seed", 20261121L);
    private static final int COUNT = Integer.getInteger("differential.count", 100_000);

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 4).mapToObj(i -> Arguments.of("seed " + (SEED + i) + (i % 2 == 0 ? " strict" : " bounded"),
                SEED + i, i % 2 == 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void baselineAgreesWithTheInterpreterEventForEvent(String name, long seed, boolean strict) {
        IommuModel interpreter = Interpreter.model(RockchipV2Description.get(), new SimOptions(strict));
        IommuModel baseline = new RockchipV2Baseline(new SystemMemory(new PhysicalMemory(40), WalkerView.NONCOHERENT), strict);
        Differential.Result result = Differential.run(interpreter, baseline,
                Operations.random(RockchipV2Description.get(), seed, COUNT));
        assertThat(result.same()).as("%s:%n%s", name, result.report()).isTrue();
        assertThat(result.events()).as("events traced").isGreaterThan(COUNT);
    }

    @Test
    void everyKindTracesADriversSessionAsTheBaselineDoes() {
        String expected = session("baseline");
        assertThat(expected).contains("(walk)", "(tlb)", "translation fault at level 1, stall", "permission fault",
                "fault resume", "power off", "(stale: CPU write not cleaned)");
        for (String kind : Models.KINDS) {
            assertThat(session(kind)).as(kind).isEqualTo(expected);
        }
    }

    /** A driver's session on a fresh model of a kind: its trace, one event per line. */
    private static String session(String kind) {
        IommuModel model = Models.create(kind);
        RecordingTrace trace = new RecordingTrace();
        model.setTrace(trace);
        RockchipV2Tables tables = new RockchipV2Tables(model, 0x1_2345_6000L);
        long iova = 0x1000_0000L;
        long page = 0xAB_CDEF_1000L;
        long readOnly = iova + 0x40_0000L;
        long uncleaned = iova + 0x3000;
        List<Consumer<IommuModel>> steps = List.of(
                m -> tables.enable(),
                m -> tables.map(iova, page, 3, true, true),
                m -> tables.map(readOnly, page + 0x10_0000L, 1, true, false),
                m -> m.translate(0, iova + 0x123, false),
                m -> m.translate(0, iova + 0x1456, true),
                m -> m.translate(0, iova + 0x123, true),
                // unmap without the zap: a stale hit; then the zap, and a fault that stalls
                m -> tables.unmap(iova, 1),
                m -> m.translate(0, iova + 8, false),
                m -> tables.zap(iova, 1),
                m -> m.translate(0, iova + 8, false),
                m -> m.translate(0, iova + 0x1000, false),
                m -> tables.map(iova, page, 1, true, true),
                m -> tables.handleFault(),
                // a write to a read-only page, fixed by mapping it read-write
                m -> m.translate(0, readOnly, true),
                m -> tables.unmap(readOnly, 1),
                m -> tables.map(readOnly, page + 0x10_0000L, 1, true, true),
                m -> tables.handleFault(),
                // a PTE the walker cannot see until it is cleaned
                m -> m.cpuWrite(tables.pteAddress(uncleaned), 4, RockchipV2Tables.mkPte(page, true, true)),
                m -> m.translate(0, uncleaned, false),
                m -> m.clean(tables.pteAddress(uncleaned), 4),
                m -> tables.handleFault(),
                m -> m.translate(0, 1L << 32, false),
                m -> m.powerOff(),
                m -> m.translate(0, iova, false),
                m -> m.mmioRead(RockchipV2Tables.STATUS, 32),
                m -> m.powerOn(),
                m -> m.translate(0, iova, false),
                m -> tables.enable(),
                m -> m.translate(0, uncleaned, false),
                m -> tables.disable());
        for (Consumer<IommuModel> step : steps) {
            step.accept(model);
        }
        return trace.text();
    }
}
