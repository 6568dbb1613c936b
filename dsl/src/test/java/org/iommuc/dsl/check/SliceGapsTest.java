package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.source.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SliceGapsTest {

    private static final long SEED = Long.getLong("iommuc.seed", 20_240_611L);

    private static BitRange bits(int high, int low) {
        return new BitRange(high, low, Span.NONE);
    }

    @Test
    void rockchipV2NibblesHaveNoGap() {
        assertThat(SliceGaps.gaps(List.of(bits(31, 12), bits(35, 32), bits(39, 36)))).isEmpty();
    }

    @Test
    void aMissingNibbleIsOneGap() {
        assertThat(SliceGaps.gaps(List.of(bits(31, 12), bits(39, 36)))).containsExactly(new SliceGaps.Gap(35, 32));
    }

    @Test
    void gapsAreListedFromLowToHigh() {
        assertThat(SliceGaps.gaps(List.of(bits(39, 39), bits(31, 12), bits(35, 34))))
                .containsExactly(new SliceGaps.Gap(33, 32), new SliceGaps.Gap(38, 36));
    }

    @Test
    void overlappingRangesLeaveNoGap() {
        assertThat(SliceGaps.gaps(List.of(bits(31, 12), bits(20, 16), bits(63, 32)))).isEmpty();
        assertThat(SliceGaps.gaps(List.of())).isEmpty();
    }

    @Test
    void reportsTheGapAtTheSliceAboveIt() {
        String text = StructureTexts.withFormats("40", """
                    format dte : u32 { valid 0 = 1; table 31:12 -> 31:12, 11:8 -> 39:36; }
                    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                """);
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        assertThat(diagnostics).isNotEmpty();
        Diagnostic first = diagnostics.get(0);
        int[] at = StructureTexts.position(text, "11:8 -> 39:36");
        assertThat(first.code().name()).isEqualTo("E0302");
        assertThat(first.span().line()).isEqualTo(at[0]);
        assertThat(first.span().column()).isEqualTo(at[1]);
        assertThat(first.message()).contains("bits 35:32");
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> SEED + i);
    }

    /** A run of address bits cut into shuffled slices has no gap; dropping an inner slice leaves exactly its bits. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void removingAnInnerSliceLeavesExactlyItsBits(long seed) {
        Random random = new Random(seed);
        int low = random.nextInt(40);
        int high = low + 2 + random.nextInt(63 - low - 1);
        List<BitRange> pieces = cut(random, high, low);
        List<BitRange> shuffled = new ArrayList<>(pieces);
        Collections.shuffle(shuffled, random);
        assertThat(SliceGaps.gaps(shuffled)).isEmpty();

        if (pieces.size() < 3) {
            return;
        }
        BitRange removed = pieces.get(1 + random.nextInt(pieces.size() - 2));
        shuffled.remove(removed);
        assertThat(SliceGaps.gaps(shuffled)).containsExactly(new SliceGaps.Gap(removed.high(), removed.low()));
    }

    /** {@code high:low} cut at random points into pieces, from low to high. */
    private static List<BitRange> cut(Random random, int high, int low) {
        List<BitRange> pieces = new ArrayList<>();
        int start = low;
        while (start <= high) {
            int end = Math.min(high, start + random.nextInt(8));
            pieces.add(bits(end, start));
            start = end + 1;
        }
        return pieces;
    }
}
