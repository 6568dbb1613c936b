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
        s.put(ModelReport.HIT, new Score(hit, 0.5));
        s.put(ModelReport.MISS, new Score(miss, 1));
        s.put(ModelReport.RAW, new Score(raw, 0.25));
        return s;
    }

    @Test
    void reportsTheRatiosOfTheBars() {
        Map<String, Map<String, Score>> all = new LinkedHashMap<>();
        all.put("baseline", scores(10, 40, 20));
        all.put("generated", scores(10.5, 42, 20));
        all.put("interpreter", scores(210, 840, 20));
        assertThat(ModelReport.report(all)).isEqualTo("""
                | model | TLB hit (ns) | TLB miss (ns) | raw walk reads (ns) | miss / raw (bar <= 3) |
                |---|---|---|---|---|
                | baseline | 10.0 ± 0.5 | 40.0 ± 1.0 | 20.0 ± 0.3 | 2.00 |
                | generated | 10.5 ± 0.5 | 42.0 ± 1.0 | 20.0 ± 0.3 | 2.10 |
                | interpreter | 210.0 ± 0.5 | 840.0 ± 1.0 | 20.0 ± 0.3 | 42.00 |

                generated / baseline (bar <= 1.10): TLB hit 1.05, TLB miss 1.05

                interpreter / generated (bar >= 10): TLB hit 20.00, TLB miss 20.00
                """);
    }

    @Test
    void leavesOutRatiosOfModelsThatDidNotRun() {
        assertThat(ModelReport.report(Map.of("baseline", scores(10, 40, 20))))
                .doesNotContain("generated").endsWith("| 2.00 |\n");
    }

    @Test
    void everyKindCanBeCreatedAndAnUnknownOneIsRefused() {
        for (String kind : Models.KINDS) {
            assertThat(Models.create(kind).config().name()).isEqualTo("rockchip_v2");
        }
        assertThatThrownBy(() -> Models.create("nope")).hasMessageContaining("unknown model kind 'nope' (known: baseline");
    }
}
