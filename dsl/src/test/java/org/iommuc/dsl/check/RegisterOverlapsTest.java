package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterOverlapsTest {

    private static final long SEED = Long.getLong("iommuc.seed", 20_240_611L);

    @Test
    void aReadWriteViewPairMayShareAnOffset() {
        String text = StructureTexts.withRegisters("""
                        EXCEPTION 0x380 wo view FAULT_ADDR;
                        FAULT_ADDR 0x380 ro;
                """);
        assertThat(StructureTexts.diagnostics(text)).isEmpty();
    }

    @Test
    void anArrayElementIsNamedWithItsIndex() {
        String text = StructureTexts.withRegisters("""
                        DM_AUT_CTRL[4] 0xB0 stride 4 rw;
                        DM_AUT_OVERWRITE 0xBC rw;
                """);
        List<Diagnostic> diagnostics = StructureTexts.diagnostics(text);

        assertThat(diagnostics).hasSize(1);
        Diagnostic d = diagnostics.get(0);
        int[] at = StructureTexts.position(text, "DM_AUT_OVERWRITE");
        assertThat(d.code().name()).isEqualTo("E0200");
        assertThat(d.span().line()).isEqualTo(at[0]);
        assertThat(d.span().column()).isEqualTo(at[1]);
        assertThat(d.notes().get(0).span().line()).isEqualTo(StructureTexts.position(text, "DM_AUT_CTRL")[0]);
        assertThat(d.message()).isEqualTo("register DM_AUT_OVERWRITE (0xBC..0xBF) overlaps DM_AUT_CTRL[3] (0xBC..0xBF)");
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> SEED + i);
    }

    /** Random registers and arrays: exactly the pairs sharing a byte are reported, each once (brute force oracle). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reportsExactlyThePairsThatShareABytes(long seed) {
        Random random = new Random(seed);
        int count = 2 + random.nextInt(4);
        List<long[]> registers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int bytes = 1 << random.nextInt(4);
            long elements = 1 + random.nextInt(5);
            long stride = bytes * (1L + random.nextInt(3));
            long offset = 0x100 + bytes * (long) random.nextInt(48 / bytes + 1);
            registers.add(new long[] {offset, stride, elements, bytes});
            text.append("        R").append(i).append(elements > 1 ? "[" + elements + "]" : "").append(" 0x")
                    .append(Long.toHexString(offset)).append(elements > 1 ? " stride " + stride : "").append(" rw width ")
                    .append(bytes * 8).append(";\n");
        }
        Set<String> expected = new LinkedHashSet<>();
        for (int later = 0; later < count; later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (shareAByte(registers.get(earlier), registers.get(later))) {
                    expected.add("R" + later + "/R" + earlier);
                }
            }
        }

        Set<String> reported = new LinkedHashSet<>();
        String source = StructureTexts.withRegisters(text.toString());
        for (Diagnostic d : StructureTexts.withCode(StructureTexts.diagnostics(source), "E0200")) {
            String later = d.message().substring("register ".length()).split("[\\[ ]")[0];
            String earlier = d.notes().get(0).message().split(" ")[0];
            assertThat(reported.add(later + "/" + earlier)).as("pair reported once: %s", d.message()).isTrue();
        }
        assertThat(reported).as("registers %s", text).isEqualTo(expected);
    }

    private static boolean shareAByte(long[] a, long[] b) {
        for (long i = 0; i < a[2]; i++) {
            for (long j = 0; j < b[2]; j++) {
                long x = a[0] + i * a[1];
                long y = b[0] + j * b[1];
                if (x < y + b[3] && y < x + a[3]) {
                    return true;
                }
            }
        }
        return false;
    }
}
