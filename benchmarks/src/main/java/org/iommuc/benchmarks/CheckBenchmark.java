package org.iommuc.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The front end (parse, resolve, check) in a warm JVM: every bundled example, and generated
 * descriptions of growing size, to show that the cost per register stays flat. Run from the
 * repository root (it reads {@code examples/}, or the folder named by {@code -Diommuc.root}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CheckBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CheckBenchmark {

    /** The bundled examples, read once; includes between them are read from disk by the loader. */
    @State(Scope.Benchmark)
    public static class Examples {
        final List<String> paths = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        @Setup
        public void load() {
            Path examples = Path.of(System.getProperty("iommuc.root", ".")).resolve("examples").toAbsolutePath();
            try (Stream<Path> files = Files.list(examples)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".iommu")).sorted().toList()) {
                    paths.add(p.toString());
                    texts.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + examples + " (run from the repository root)", e);
            }
            if (paths.isEmpty()) {
                throw new IllegalStateException("no examples in " + examples);
            }
            for (int i = 0; i < paths.size(); i++) {
                requireClean(Frontend.compileText(paths.get(i), texts.get(i)), paths.get(i));
            }
        }
    }

    /** A generated description of {@code registers} registers, checked clean before it is timed. */
    @State(Scope.Benchmark)
    public static class Generated {
        @Param({"1000", "2500", "5000", "10000"})
        public int registers;

        String text;

        @Setup
        public void generate() {
            text = DescriptionGenerator.generate(registers);
            Compilation c = Frontend.compileText("generated.iommu", text);
            requireClean(c, "the generated description of " + registers + " registers");
            int built = c.main().orElseThrow().registers().size();
            if (built != registers) {
                throw new IllegalStateException("generated " + built + " registers, not " + registers);
            }
        }
    }

    @Benchmark
    public void examples(Examples examples, Blackhole sink) {
        for (int i = 0; i < examples.paths.size(); i++) {
            sink.consume(Frontend.compileText(examples.paths.get(i), examples.texts.get(i)));
        }
    }

    @Benchmark
    public Compilation generated(Generated generated) {
        return Frontend.compileText("generated.iommu", generated.text);
    }

    /** Refuses to time a broken input: errors end the pipeline early and would look fast. */
    static void requireClean(Compilation c, String what) {
        if (c.hasErrors()) {
            throw new IllegalStateException(what + " does not check clean:\n" + c.render());
        }
    }
}
