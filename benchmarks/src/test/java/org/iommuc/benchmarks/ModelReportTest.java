package org.iommuc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iommuc.benchmarks.ModelReport.Score;
import org.junit.jupiter.api.Test;

class ModelReportTest {

    private static Map<String, Score> scores(double hit, double miss, double raw) {
        Map<String, Score> s = new LinkedHashMap<>();
        s.put(ModelReport.HIT, new Score(hit, hit * 0.9));
        s.put(ModelReport.MISS, new Score(miss, miss * 0.8));
        s.put(ModelReport.RAW, new Score(raw, raw));
        s.put(ModelReport.RAW_OVERLAPPED, new Score(raw / 2, raw / 2));
        s.put(ModelReport.RANDOM, new Score(hit * 4, hit * 3));
        return s;
    }

    @Test
    void reportsTheRatiosOfTheBars() {
        Map<String, Map<String, Score>> all = new LinkedHashMap<>();
        all.put("baseline", scores(10, 40, 20));
        all.put("generated", scores(10.5, 42, 20));
        all.put("interpreter", scores(210, 840, 20));
        assertThat(ModelReport.report(all)).isEqualTo("""
                ns per translation, median of the iterations (fastest iteration)

                | model | TLB hit | TLB miss | raw walk reads | miss / raw (bar <= 3) | raw reads overlapped | miss / overlapped |
                |---|---|---|---|---|---|---|
                | baseline | 10.0 (9.0) | 40.0 (32.0) | 20.0 (20.0) | 2.00 (1.60) | 10.0 (10.0) | 4.00 (3.20) |
                | generated | 10.5 (9.5) | 42.0 (33.6) | 20.0 (20.0) | 2.10 (1.68) | 10.0 (10.0) | 4.20 (3.36) |
                | interpreter | 210.0 (189.0) | 840.0 (672.0) | 20.0 (20.0) | 42.00 (33.60) | 10.0 (10.0) | 84.00 (67.20) |

                generated / baseline (bar <= 1.10): TLB hit 1.05 (1.05), TLB miss 1.05 (1.05)

                interpreter / generated (bar >= 10): TLB hit 20.00 (20.00), TLB miss 20.00 (20.00)

                random operations, ns per operation: baseline 40.0 (30.0), generated 42.0 (31.5), interpreter 840.0 (630.0); interpreter / generated (bar >= 10): 20.00 (20.00)
                """);
    }

    @Test
    void leavesOutRatiosOfModelsThatDidNotRun() {
        assertThat(ModelReport.report(Map.of("baseline", scores(10, 40, 20))))
                .doesNotContain("generated").contains("| 2.00 (1.60) | 10.0 (10.0) | 4.00 (3.20) |\n").endsWith("random operations, ns per operation: baseline 40.0 (30.0)\n");
    }

    @Test
    void everyKindCanBeCreatedAndAnUnknownOneIsRefused() {
        for (String kind : Models.KINDS) {
            assertThat(Models.create(kind).config().name()).isEqualTo("rockchip_v2");
        }
        assertThatThrownBy(() -> Models.create("nope")).hasMessageContaining("unknown model kind 'nope' (known: baseline");
    }
}
