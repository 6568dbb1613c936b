package org.iommuc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ModelBenchmark} for every model kind in one run and prints the figures and the
 * ratios the performance bars are about, as a Markdown table for benchmarks/README.md:
 * generated / baseline (TLB hit and TLB miss, bar 1.10 or less), interpreter / generated (bar 10
 * or more), TLB miss / raw walk reads (bar 3 or less). Ratios whose models did not run are left
 * out.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.iommuc.benchmarks.ModelReport
 * [kind...]} (every kind of {@link Models#KINDS} by default), with JMH settings for two noisy
 * cores: one fork, 3 warm-up and 5 measured iterations of one second.
 */
public final class ModelReport {

    static final String HIT = "translateTlbHit";
    static final String MISS = "translateTlbMiss";
    static final String RAW = "walkMemoryReads";

    private ModelReport() {}

    public static void main(String[] args) throws RunnerException {
        String[] kinds = args.length > 0 ? args : Models.KINDS.toArray(new String[0]);
        Options options = new OptionsBuilder()
                .include("\\Q" + ModelBenchmark.class.getName() + ".\\E")
                .param("model", kinds)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.print(report(scores(results)));
    }

    /** A score and its 99.9% error, in ns per translation. */
    record Score(double value, double error) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f ± %.1f", value, error);
        }
    }

    /** Scores by model kind, then by benchmark method. */
    static Map<String, Map<String, Score>> scores(Collection<RunResult> results) {
        Map<String, Map<String, Score>> byKind = new LinkedHashMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> primary = r.getPrimaryResult();
            byKind.computeIfAbsent(r.getParams().getParam("model"), k -> new LinkedHashMap<>())
                    .put(method, new Score(primary.getScore(), primary.getScoreError()));
        }
        return byKind;
    }

    static String report(Map<String, Map<String, Score>> scores) {
        StringBuilder out = new StringBuilder();
        out.append("| model | TLB hit (ns) | TLB miss (ns) | raw walk reads (ns) | miss / raw (bar <= 3) |\n");
        out.append("|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Score>> e : scores.entrySet()) {
            Map<String, Score> s = e.getValue();
            out.append("| ").append(e.getKey()).append(" | ").append(s.get(HIT)).append(" | ").append(s.get(MISS))
                    .append(" | ").append(s.get(RAW)).append(" | ").append(ratio(s.get(MISS), s.get(RAW))).append(" |\n");
        }
        List<String> ratios = new ArrayList<>();
        ratios.add(comparison(scores, "generated", "baseline", "bar <= 1.10"));
        ratios.add(comparison(scores, "interpreter", "generated", "bar >= 10"));
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

    private static String ratio(Score a, Score b) {
        if (a == null || b == null || b.value() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", a.value() / b.value());
    }
}
