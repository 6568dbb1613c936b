package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KindTagsTest {

    private static final long SEED = Long.getLong("iommuc.seed", 20_240_611L);

    private static final String EXYNOS = """
                format link : u32 { type 1:0 = 1; table 31:10 -> 31:10; }
                format section : u32 { type 1:0 = 2; page 31:20 -> 31:20; }
                format large : u32 { type 1:0 = 1; page 31:16 -> 31:16; }
                format small : u32 { type 1:1 = 1; page 31:12 -> 31:12; }
            """;

    @Test
    void exynosKindsAreDistinguishable() {
        String text = StructureTexts.withWalk(EXYNOS, """
                        level lv1 index iova 31:20 : link table | section leaf 1M;
                        level lv2 index iova 19:12 : large leaf 64K contiguous 16 | small leaf 4K;
                """);
        assertThat(StructureTexts.diagnostics(text)).isEmpty();
    }

    @Test
    void sameTagValuesAreReportedAtTheLaterKindWithANoteAtTheOther() {
        String text = StructureTexts.withWalk(EXYNOS, """
                        level lv1 index iova 31:20 : link table | section leaf 1M;
                        level lv2 index iova 19:12 : large leaf 64K contiguous 16 | link leaf 4K;
                """);
        List<Diagnostic> diagnostics = StructureTexts.withCode(StructureTexts.diagnostics(text), "E0406");

        assertThat(diagnostics).hasSize(1);
        Diagnostic d = diagnostics.get(0);
        int[] at = StructureTexts.position(text, "link leaf");
        int[] other = StructureTexts.position(text, "large leaf");
        assertThat(d.span().line()).isEqualTo(at[0]);
        assertThat(d.span().column()).isEqualTo(at[1]);
        assertThat(d.notes()).hasSize(1);
        assertThat(d.notes().get(0).span().column()).isEqualTo(other[1]);
        assertThat(d.message()).contains("link leaf and large leaf");
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> SEED + i);
    }

    /**
     * Two kinds each tag a random subset of bits 3:0 with random values; they must be reported as
     * indistinguishable exactly when some 4-bit entry value matches both (brute force oracle).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reportedExactlyWhenSomeEntryMatchesBoth(long seed) {
        Random random = new Random(seed);
        int maskA = random.nextInt(16);
        int maskB = random.nextInt(16);
        int valueA = random.nextInt(16) & maskA;
        int valueB = random.nextInt(16) & maskB;
        boolean bothMatchSomeEntry = false;
        for (int entry = 0; entry < 16; entry++) {
            bothMatchSomeEntry |= (entry & maskA) == valueA && (entry & maskB) == valueB;
        }
        String formats = "    format a : u32 { " + tags(maskA, valueA) + "table 31:10 -> 31:10; }\n"
                + "    format b : u32 { " + tags(maskB, valueB) + "page 31:20 -> 31:20; }\n"
                + "    format small : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n";
        String text = StructureTexts.withWalk(formats, """
                        level lv1 index iova 31:20 : a table | b leaf 1M;
                        level lv2 index iova 19:12 : small leaf 4K;
                """);

        List<Diagnostic> reported = StructureTexts.withCode(StructureTexts.diagnostics(text), "E0406");
        assertThat(reported).as("a tags %s = %s, b tags %s = %s", maskA, valueA, maskB, valueB)
                .hasSize(bothMatchSomeEntry ? 1 : 0);
    }

    /** One-bit tag fields t0..t3 for the bits of {@code mask}. */
    private static String tags(int mask, int value) {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < 4; bit++) {
            if ((mask >> bit & 1) != 0) {
                out.append('t').append(bit).append(' ').append(bit).append(" = ").append(value >> bit & 1).append("; ");
            }
        }
        return out.toString();
    }
}
