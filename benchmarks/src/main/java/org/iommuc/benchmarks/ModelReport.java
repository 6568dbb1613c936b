package org.iommuc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ModelBenchmark} for every model kind in one run and prints the figures and the
 * ratios the performance bars are about, as Markdown for benchmarks/README.md: generated /
 * baseline (TLB hit and TLB miss, bar 1.10 or less), interpreter / generated (bar 10 or more),
 * TLB miss / raw walk reads (bar 3 or less; the floor is the walk's two reads done one after the
 * other, as a walk must, and the same reads free to overlap are shown beside it). Ratios whose
 * models did not run are left out.
 *
 * <p>The machines this runs on are small and shared, so a run is many short iterations, and the
 * figures are the median of the iterations (the ratios are of medians) with the fastest
 * iteration beside it: a time slice lost to another process inflates a mean, much less a
 * median, and never the minimum.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.iommuc.benchmarks.ModelReport
 * [kind...]} (every kind of {@link Models#KINDS} by default): one fork, {@value #WARMUPS} warm-up
 * and {@value #ITERATIONS} measured iterations of {@value #ITERATION_MS} ms per benchmark and kind.
 */
public final class ModelReport {

    static final String HIT = "translateTlbHit";
    static final String MISS = "translateTlbMiss";
    static final String RAW = "walkMemoryReadsDependent";
    static final String RAW_OVERLAPPED = "walkMemoryReads";
    static final String RANDOM = "randomOperations";

    static final int WARMUPS = 5;
    static final int ITERATIONS = 25;
    static final int ITERATION_MS = 200;

    private ModelReport() {}

    public static void main(String[] args) throws RunnerException {
        String[] kinds = args.length > 0 ? args : Models.KINDS.toArray(new String[0]);
        Options options = new OptionsBuilder()
                .include("\\Q" + ModelBenchmark.class.getName() + ".\\E")
                .param("model", kinds)
                .forks(1)
                .warmupIterations(WARMUPS)
                .warmupTime(TimeValue.milliseconds(ITERATION_MS))
                .measurementIterations(ITERATIONS)
                .measurementTime(TimeValue.milliseconds(ITERATION_MS))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.print(report(scores(results)));
    }

    /** The median and the fastest of the iterations, in ns per translation. */
    record Score(double median, double min) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f (%.1f)", median, min);
        }
    }

    /** Scores by model kind, then by benchmark method. */
    static Map<String, Map<String, Score>> scores(Collection<RunResult> results) {
        Map<String, Map<String, Score>> byKind = new LinkedHashMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Statistics iterations = r.getPrimaryResult().getStatistics();
            byKind.computeIfAbsent(r.getParams().getParam("model"), k -> new LinkedHashMap<>())
                    .put(method, new Score(iterations.getPercentile(50), iterations.getMin()));
        }
        return byKind;
    }

    static String report(Map<String, Map<String, Score>> scores) {
        StringBuilder out = new StringBuilder();
        out.append("ns per translation, median of the iterations (fastest iteration)\n\n");
        out.append("| model | TLB hit | TLB miss | raw walk reads | miss / raw (bar <= 3) | raw reads overlapped"
                + " | miss / overlapped |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Score>> e : scores.entrySet()) {
            Map<String, Score> s = e.getValue();
            out.append("| ").append(e.getKey()).append(" | ").append(s.get(HIT)).append(" | ").append(s.get(MISS))
                    .append(" | ").append(s.get(RAW)).append(" | ").append(ratio(s.get(MISS), s.get(RAW)))
                    .append(" | ").append(s.get(RAW_OVERLAPPED)).append(" | ")
                    .append(ratio(s.get(MISS), s.get(RAW_OVERLAPPED))).append(" |\n");
        }
        List<String> ratios = new ArrayList<>();
        ratios.add(comparison(scores, "generated", "baseline", "bar <= 1.10"));
        ratios.add(comparison(scores, "interpreter", "generated", "bar >= 10"));
        ratios.add(workload(scores));
        for (String line : ratios) {
            if (!line.isEmpty()) {
                out.append('\n').append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String comparison(Map<String, Map<String, Score>> scores, String kind, String reference, String bar) {
        Map<String, Score> a = scores.get(kind);
        Map<String, Score> b = scores.get(reference);
        if (a == null || b == null) {
            return "";
        }
        return kind + " / " + reference + " (" + bar + "): TLB hit " + ratio(a.get(HIT), b.get(HIT)) + ", TLB miss "
                + ratio(a.get(MISS), b.get(MISS));
    }

    /** The random-operations workload: ns per operation for each kind, and interpreter / generated. */
    private static String workload(Map<String, Map<String, Score>> scores) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Map<String, Score>> e : scores.entrySet()) {
            Score s = e.getValue().get(RANDOM);
            if (s != null) {
                line.append(line.length() == 0 ? "random operations, ns per operation: " : ", ").append(e.getKey())
                        .append(' ').append(s);
            }
        }
        Map<String, Score> interpreter = scores.get("interpreter");
        Map<String, Score> generated = scores.get("generated");
        if (interpreter != null && generated != null) {
            line.append("; interpreter / generated (bar >= 10): ")
                    .append(ratio(interpreter.get(RANDOM), generated.get(RANDOM)));
        }
        return line.toString();
    }

    private static String ratio(Score a, Score b) {
        if (a == null || b == null || b.median() == 0 || b.min() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f)", a.median() / b.median(), a.min() / b.min());
    }
}
