package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any input, however broken, gives diagnostics, never an exception. Seeded and reproducible:
 * input {@code i} is made from seed {@code fuzz.seed + i} alone (default seed {@value #DEFAULT_SEED},
 * {@code fuzz.count} inputs, default 20,000), so one failing input reruns with
 * {@code ./mvnw -pl dsl verify -Dtest=FuzzTest -Dfuzz.seed=S -Dfuzz.count=1}. A failing input is
 * written to {@code dsl/target/fuzz-failures/} and the failure message names its seed.
 *
 * <p>What must hold is in {@link FuzzOracle}; the inputs are made by {@link FuzzInputs} (text),
 * {@link FuzzFiles} (files on disk, for the loader) and {@link ExtremeInputs} (size and depth).
 *
 * <p>Time bounds are generous so that they hold on a loaded two-core machine: an ordinary input
 * takes about a millisecond and is allowed {@link #NORMAL_BOUND}; the 10 MB and deeply nested
 * inputs take up to a few seconds and are allowed {@link #EXTREME_BOUND}.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 20_260_101L;
    static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
    static final int COUNT = Integer.getInteger("fuzz.count", 20_000);
    /** Inputs per test case: one case per input would spend more time in JUnit than in the front end. */
    static final int BATCH = 250;
    /** Loader cases (files on disk): one per 80 text inputs, a few hundred by default. */
    static final int FILE_CASES = Math.max(1, COUNT / 80);
    static final int FILE_BATCH = 25;

    static final Duration NORMAL_BOUND = Duration.ofSeconds(5);
    static final Duration EXTREME_BOUND = Duration.ofSeconds(60);

    static final Path FAILURES = Path.of("target", "fuzz-failures");

    /** Threads generating and compiling inputs side by side (the front end is thread-safe). */
    static final int DRIVERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService DRIVER_POOL = Executors.newFixedThreadPool(DRIVERS, work -> {
        Thread thread = new Thread(work, "fuzz-driver");
        thread.setDaemon(true);
        return thread;
    });

    private static FuzzInputs inputs;
    private static final Map<Phase, Integer> STOPPED_AFTER = new EnumMap<>(Phase.class);

    @BeforeAll
    static void loadCorpus() throws IOException {
        inputs = new FuzzInputs(FuzzInputs.loadCorpus(TestFiles.root()));
    }

    /** Seeds in batches, named so that a failing batch says which seeds it holds. */
    record Batch(long first, int count) {
        @Override
        public String toString() {
            return "seeds " + first + ".." + (first + count - 1);
        }
    }

    static Stream<Batch> batches() {
        return LongStream.iterate(0, i -> i < COUNT, i -> i + BATCH)
                .mapToObj(i -> new Batch(SEED + i, (int) Math.min(BATCH, COUNT - i)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void textInputsGiveDiagnosticsNeverExceptions(Batch batch) throws Exception {
        List<String> failures = inParallel(batch, FuzzTest::checkText);
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /** Checks the input of one seed; returns why it failed, or null. */
    private static String checkText(long seed) throws IOException {
        FuzzInputs.Input in = inputs.generate(seed);
        FuzzOracle.Outcome outcome = FuzzOracle.run(() -> Frontend.compileText(in.path(), in.text()), NORMAL_BOUND);
        count(outcome);
        List<String> problems = FuzzOracle.problems(outcome, NORMAL_BOUND, in.text());
        if (problems.isEmpty() && Math.floorMod(seed, 16) == 0 && !sameOnSecondRun(in, outcome)) {
            problems = List.of("a second compilation rendered differently");
        }
        if (problems.isEmpty()) {
            return null;
        }
        Path saved = save("seed-" + seed + ".iommu", in.text());
        return failure("seed " + seed, in.how(), saved, rerun(seed), problems);
    }

    static Stream<Batch> fileBatches() {
        return LongStream.iterate(0, i -> i < FILE_CASES, i -> i + FILE_BATCH)
                .mapToObj(i -> new Batch(SEED + i, (int) Math.min(FILE_BATCH, FILE_CASES - i)));
    }

    @ParameterizedTest(name = "files of {0}")
    @MethodSource("fileBatches")
    void filesOnDiskGiveDiagnosticsNeverExceptions(Batch batch, @TempDir Path dir) throws Exception {
        List<String> failures = inParallel(batch, seed -> checkFiles(seed, dir.resolve("seed-" + seed)));
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /** Checks the files of one seed, written to {@code dir}; returns why it failed, or null. */
    private static String checkFiles(long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        FuzzFiles.FileCase files = FuzzFiles.write(seed, dir, inputs);
        FuzzOracle.Outcome outcome = FuzzOracle.run(() -> Frontend.compile(files.roots(), files.displayRoot()),
                NORMAL_BOUND);
        count(outcome);
        List<String> problems = FuzzOracle.problems(outcome, NORMAL_BOUND, FuzzFiles.allText(dir));
        if (problems.isEmpty()) {
            return null;
        }
        Path saved = FAILURES.resolve("files-" + seed);
        deleteIfPresent(saved);
        FuzzFiles.copy(dir, saved);
        return failure("file seed " + seed, files.how(), saved, rerun(seed), problems);
    }

    static Stream<ExtremeInputs.Extreme> extremes() {
        return ExtremeInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremes")
    void extremeInputsGiveAnAnswerInTime(ExtremeInputs.Extreme extreme) throws IOException {
        String text = extreme.text().get();
        Callable<Compilation> compile = () -> Frontend.compileText("extreme.iommu", text);
        FuzzOracle.Outcome outcome = FuzzOracle.run(compile, EXTREME_BOUND);
        List<String> problems = FuzzOracle.problems(outcome, EXTREME_BOUND, text);
        if (!problems.isEmpty()) {
            Path saved = save(extreme.name().replaceAll("[^A-Za-z0-9]+", "-") + ".iommu", text);
            fail(failure("extreme input", extreme.name(), saved, "./mvnw -pl dsl verify -Dtest='FuzzTest#extreme*'", problems));
        }
    }

    /** Guards the fuzzer itself: enough inputs must get past parsing to exercise resolution and checks. */
    @AfterAll
    static void enoughInputsReachLaterPhases() {
        int total = STOPPED_AFTER.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 2_000) {
            return;
        }
        int pastParsing = total - STOPPED_AFTER.getOrDefault(Phase.PARSE, 0);
        assertThat(pastParsing).as("inputs that got past parsing, of %d (%s)", total, STOPPED_AFTER)
                .isGreaterThan(total / 10);
        assertThat(STOPPED_AFTER.getOrDefault(Phase.DONE, 0) + STOPPED_AFTER.getOrDefault(Phase.CHECK, 0))
                .as("inputs that reached the checks, of %d (%s)", total, STOPPED_AFTER)
                .isGreaterThan(total / 50);
    }

    // ---------------------------------------------------------------------------------------

    private static synchronized void count(FuzzOracle.Outcome outcome) {
        if (outcome.compilation() != null) {
            STOPPED_AFTER.merge(outcome.compilation().stoppedAfter(), 1, Integer::sum);
        }
    }

    private interface SeedCheck {
        String failure(long seed) throws Exception;
    }

    /** Runs the seeds of a batch on {@link #DRIVERS} threads; returns the first failure of each. */
    private static List<String> inParallel(Batch batch, SeedCheck check) throws Exception {
        int drivers = Math.min(DRIVERS, batch.count());
        List<Callable<String>> shares = new ArrayList<>();
        for (int d = 0; d < drivers; d++) {
            long start = batch.first() + d;
            shares.add(() -> {
                for (long seed = start; seed < batch.first() + batch.count(); seed += drivers) {
                    String failure = check.failure(seed);
                    if (failure != null) {
                        return failure;
                    }
                }
                return null;
            });
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> share : DRIVER_POOL.invokeAll(shares)) {
            String failure = share.get();
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /** The same input gives the same diagnostics, rendered the same, every time. */
    private static boolean sameOnSecondRun(FuzzInputs.Input in, FuzzOracle.Outcome first) {
        FuzzOracle.Outcome second = FuzzOracle.run(() -> Frontend.compileText(in.path(), in.text()), NORMAL_BOUND);
        return second.compilation() != null && second.compilation().render().equals(first.compilation().render());
    }

    private static String rerun(long seed) {
        return "./mvnw -pl dsl verify -Dtest=FuzzTest -Dfuzz.seed=" + seed + " -Dfuzz.count=1";
    }

    private static String failure(String which, String how, Path saved, String rerun, List<String> problems) {
        return which + " (" + how + "), saved as " + saved.toAbsolutePath() + "\nrerun alone with " + rerun
                + "\n  - " + String.join("\n  - ", problems);
    }

    private static synchronized Path save(String name, String text) throws IOException {
        Files.createDirectories(FAILURES);
        Path file = FAILURES.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void deleteIfPresent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
