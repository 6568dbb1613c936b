package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.Phase;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Odd but well-formed numbers everywhere the structure checks look: diagnostics, never an exception. */
class StructureRobustnessTest {

    private static final long SEED = Long.getLong("iommuc.seed", 20_240_611L);

    private static final String[] ODD = {
        "0", "1", "2", "3", "7", "8", "12", "16", "31", "32", "40", "63", "64", "65", "100", "4095", "4096", "99999",
        "0xFFFF_FFFF_FFFF_FFFF", "0x8000_0000_0000_0000", "0x1_0000_0000",
    };

    private static final String TEMPLATE = """
            iommu odd {
                iova %s;
                oa %s tables %s;
                masters %s;
                aperture %s ..= %s;
                registers width %s {
                    BASE 0x00 rw;
                    A[%s] %s stride %s rw reset %s { F %s:%s reset %s enum { X = %s, Y = %s } }
                    B %s wo view C;
                    C %s ro;
                }
                format dte : u#W { valid %s = %s; table %s:%s -> %s:%s, %s:%s -> %s:%s; reserved %s:%s; }
                format pte : u32 { valid 0 = 1; perm %s:%s default %s; page %s:%s -> %s:%s;
                    prot read -> perm = %s; prot write -> perm = %s; }
                walk {
                    root BASE;
                    level top index %s size %s : dte table;
                    level dt index iova %s:%s size %s align %s : dte table;
                    level pt index iova %s:%s : pte leaf %s contiguous %s | dte leaf %s;
                    empty pt fault clear valid;
                    empty dt = dte(table = %s);
                }
            }
            """;

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oddNumbersGiveDiagnosticsNotExceptions(long seed) {
        Random random = new Random(seed);
        int slots = TEMPLATE.split("%s", -1).length - 1;
        Object[] values = new Object[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = ODD[random.nextInt(ODD.length)];
        }
        String width = List.of("8", "16", "32", "64").get(random.nextInt(4));
        String text = String.format(TEMPLATE.replace("#W", width), values);

        Compilation compilation = Frontend.compileText("t.iommu", text);
        List<Diagnostic> diagnostics = compilation.diagnostics();

        assertThat(compilation.stoppedAfter()).as("the checks ran on\n%s\n%s", text, compilation.render())
                .isIn(Phase.CHECK, Phase.DONE);
        for (Diagnostic d : diagnostics) {
            assertThat(d.message()).as("message of %s in\n%s", d.code(), text).isNotBlank();
        }
    }
}
