package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.sim.Differential;
import org.iommuc.sim.Interpreter;
import org.iommuc.sim.Operations;
import org.iommuc.sim.SimOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example's generated model and the interpreter, run on the same 100,000 seeded random
 * operations (MMIO, DMA, page-table writes with and without cleaning, power), must produce the
 * same event trace; a mismatch names the first diverging event and the operation that led there.
 * Seeds: {@code -Ddifferential.seed=N}; count: {@code -Ddifferential.count=N}.
 */
class GeneratedVersusInterpreterTest {

    private static final long SEED = Long.getLong("differential.seed", 20261121L);
    private static final int COUNT = Integer.getInteger("differential.count", 100_000);

    static Stream<Arguments> examplesAndModes() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("examples"))) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList()) {
                out.add(Arguments.of(name, true));
                out.add(Arguments.of(name, false));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} strict={1} seed " + "{index}")
    @MethodSource("examplesAndModes")
    void generatedModelAndInterpreterAgreeEventForEvent(String example, boolean strict) {
        Compiled compiled = Compiled.compiledExample(example);
        IommuEngine generated = compiled.model(strict);
        IommuEngine interpreted = Interpreter.model(compiled.description, new SimOptions(strict));
        long seed = SEED + example.hashCode() + (strict ? 0 : 1);
        Differential.Result result = Differential.run(generated, interpreted,
                Operations.random(compiled.description, seed, COUNT));
        assertThat(result.same()).as("%s (seed %d):%n%s", example, seed, result.report()).isTrue();
        assertThat(result.operations()).isEqualTo(COUNT);
        assertThat(result.events()).as("events traced").isGreaterThan(COUNT);
    }
}
