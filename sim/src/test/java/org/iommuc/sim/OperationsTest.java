package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.RegisterMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Random operations depend on the seed and the description only, and no operation makes a model throw. */
class OperationsTest {

    static Stream<Arguments> examplesAndSeeds() {
        long base = Long.getLong("operations.seed", 100);
        List<Arguments> out = new ArrayList<>();
        for (String example : TestDescriptions.EXAMPLES) {
            for (long seed = base; seed < base + 3; seed++) {
                out.add(Arguments.of(example, seed));
            }
        }
        return out.stream();
    }

    @Test
    void theSameSeedGivesTheSameOperationsAndAnotherSeedOthers() {
        Description d = TestDescriptions.example("sun50i-h6");
        List<Operation> a = Operations.random(d, 7, 5_000);
        assertThat(Operations.random(d, 7, 5_000)).isEqualTo(a);
        assertThat(Operations.random(d, 8, 5_000)).isNotEqualTo(a);
        assertThat(Operations.random(d, 7, 100)).isEqualTo(a.subList(0, 100));
        assertThat(Operations.random(d, 7, 0)).isEmpty();
    }

    @Test
    void operationsDoNotDependOnAModel() {
        Description d = TestDescriptions.example("rockchip-v1");
        List<Operation> ops = Operations.random(d, 11, 3_000);
        RecordingTrace first = new RecordingTrace();
        RecordingTrace second = new RecordingTrace();
        IommuEngine a = Interpreter.model(d);
        IommuEngine b = Interpreter.model(d);
        a.setTrace(first);
        b.setTrace(second);
        ops.forEach(op -> op.applyTo(a));
        ops.forEach(op -> op.applyTo(b));
        assertThat(second.firstDifference(first, 3)).isEmpty();
        assertThat(first.events()).hasSizeGreaterThan(3_000);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("examplesAndSeeds")
    void noOperationMakesTheInterpreterThrowStrictOrBounded(String example, long seed) {
        Description d = TestDescriptions.example(example);
        List<Operation> ops = Operations.random(d, seed, 5_000);
        for (boolean strict : new boolean[] {true, false}) {
            IommuEngine model = Interpreter.model(d, new SimOptions(strict));
            model.setTrace(new TraceCounts());
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                assertThatCode(() -> op.applyTo(model)).as("operation %d: %s", i, op).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hostileInputsGiveBusErrorsAndFaultsNotExceptions(String example) {
        Description d = TestDescriptions.example(example);
        IommuEngine model = Interpreter.model(d);
        model.setTrace(new TraceCounts());
        RegisterMap map = model.registers();
        long highest = 0;
        for (int s = 0; s < map.size(); s++) {
            highest = Math.max(highest, map.offset(s) + 8);
        }
        long top = highest;
        assertThatCode(() -> {
            for (long offset = 0; offset < top + 16; offset++) {
                for (int width : new int[] {8, 16, 32, 64}) {
                    model.mmioWrite(offset, width, -1L);
                    model.mmioRead(offset, width);
                    model.mmioWrite(offset, width, 0);
                }
            }
            for (long iova : new long[] {0, -1L, Long.MIN_VALUE, 0xFFFF_FFFFL, 0x1_0000_0000L, 0xFFF, 0x7FFF_FFFF_FFFF_F000L}) {
                for (int master : new int[] {0, 1, 5, 63, 64, -1, Integer.MAX_VALUE}) {
                    model.translate(master, iova, true);
                    model.translate(master, iova, false);
                }
            }
            model.cpuWrite(-8, 8, -1L);
            model.cpuWrite(0xFFFF_FFFF_FFFF_FFFCL, 8, -1L);
            model.clean(-1L, Long.MAX_VALUE);
            model.clean(0, -5);
            model.powerOff();
            model.powerOff();
            model.translate(0, 0, false);
            model.powerOn();
            model.powerOn();
        }).doesNotThrowAnyException();
    }

    static List<String> examples() {
        return TestDescriptions.EXAMPLES;
    }
}
