package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LevelIndexBitsTest {

    private static final long SEED = Long.getLong("iommuc.seed", 20_240_611L);

    private static List<Diagnostic> levelDiagnostics(String text) {
        List<Diagnostic> all = StructureTexts.diagnostics(text);
        List<Diagnostic> levels = new ArrayList<>();
        for (Diagnostic d : all) {
            if (List.of("E0400", "E0401", "E0402").contains(d.code().name())) {
                levels.add(d);
            }
        }
        return levels;
    }

    @Test
    void missingTopBitsAreNamed() {
        String text = StructureTexts.withWalk(StructureTexts.FORMATS, """
                        level dt index iova 29:22 : dte table;
                        level pt index iova 21:12 : pte leaf 4K;
                """);
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        Diagnostic first = diagnostics.get(0);
        int[] at = StructureTexts.position(text, "29:22");
        assertThat(first.code().name()).isEqualTo("E0402");
        assertThat(first.span().line()).isEqualTo(at[0]);
        assertThat(first.span().column()).isEqualTo(at[1]);
        assertThat(first.message()).contains("bits 31:30");
    }

    @Test
    void fixedIndexLevelsTakeNoIovaBits() {
        String text = StructureTexts.withWalk("""
                    format pta : u64 { table 31:10 -> 31:10; mode 9:0 enum { MODE_4K = 0 } }
                """ + StructureTexts.FORMATS, """
                        level pta index 0 size 4K : pta table;
                        level dt index iova 31:22 : dte table;
                        level pt index iova 21:12 : pte leaf 4K;
                """);
        assertThat(StructureTexts.diagnostics(text)).isEmpty();
    }

    @Test
    void aGapNamesTheMissingBitsAtTheLowerLevel() {
        String text = StructureTexts.withWalk(StructureTexts.FORMATS, """
                        level dt index iova 31:22 : dte table;
                        level pt index iova 19:12 align 4K : pte leaf 4K;
                """);
        List<Diagnostic> diagnostics = levelDiagnostics(text);

        assertThat(diagnostics).hasSize(1);
        int[] at = StructureTexts.position(text, "19:12");
        assertThat(diagnostics.get(0).code().name()).isEqualTo("E0401");
        assertThat(diagnostics.get(0).span().line()).isEqualTo(at[0]);
        assertThat(diagnostics.get(0).span().column()).isEqualTo(at[1]);
        assertThat(diagnostics.get(0).message()).contains("bits 21:20");
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 100).mapToObj(i -> SEED + i);
    }

    /**
     * The IOVA split at random into levels checks clean; moving one level's top bit down leaves a
     * gap (E0401), moving it up makes an overlap (E0400), each reported at that level alone.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomSplitsAndTheirMutations(long seed) {
        Random random = new Random(seed);
        int iova = 20 + random.nextInt(29);
        int pageShift = 10 + random.nextInt(7);
        List<int[]> levels = split(random, iova - 1, pageShift);
        assertThat(levelDiagnostics(walk(iova, levels))).as("clean split %s", describe(levels)).isEmpty();

        if (levels.size() < 2) {
            return;
        }
        int moved = 1 + random.nextInt(levels.size() - 1);
        int[] level = levels.get(moved);
        boolean gap = random.nextBoolean() && level[0] > level[1];
        level[0] += gap ? -1 : 1;
        List<Diagnostic> diagnostics = levelDiagnostics(walk(iova, levels));
        assertThat(diagnostics).as("mutated split %s", describe(levels)).hasSize(1);
        assertThat(diagnostics.get(0).code().name()).isEqualTo(gap ? "E0401" : "E0400");
        assertThat(diagnostics.get(0).message()).contains("level l" + moved + " ").contains("bit " + (gap ? level[0] + 1 : level[0]));
    }

    /** {@code high:low} cut into 1 to 4 levels of at least one bit, top first. */
    private static List<int[]> split(Random random, int high, int low) {
        List<int[]> levels = new ArrayList<>();
        int top = high;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count - 1 && top - low > 1; i++) {
            int bottom = top - random.nextInt(Math.min(12, top - low));
            levels.add(new int[] {top, bottom});
            top = bottom - 1;
        }
        levels.add(new int[] {top, low});
        return levels;
    }

    private static String walk(int iova, List<int[]> levels) {
        StringBuilder walk = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            int[] l = levels.get(i);
            String kind = i == levels.size() - 1 ? "pte leaf " + (1L << l[1]) : "dte table";
            walk.append("        level l").append(i).append(" index iova ").append(l[0]).append(':').append(l[1])
                    .append(" : ").append(kind).append(";\n");
        }
        return StructureTexts.withWalk(StructureTexts.FORMATS, walk.toString()).replace("iova 32;", "iova " + iova + ";");
    }

    private static String describe(List<int[]> levels) {
        StringBuilder out = new StringBuilder();
        for (int[] l : levels) {
            out.append(l[0]).append(':').append(l[1]).append(' ');
        }
        return out.toString().trim();
    }
}
