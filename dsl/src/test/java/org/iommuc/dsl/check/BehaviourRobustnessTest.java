package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random expressions in every place the behaviour checks look, over registers with odd shapes
 * (a zero width, fields beyond bit 63): checking never throws and every diagnostic points at
 * the text. The seed is in the case name; {@code -Dbehaviour.seed=N} replays another series.
 */
class BehaviourRobustnessTest {

    private static final long SEED = Long.getLong("behaviour.seed", 20_240_601L);

    private static final List<String> ATOMS = List.of("0", "1", "63", "64", "0xFFFF_FFFF_FFFF_FFFF", "10us", "4K",
            "CTRL", "CTRL.MODE", "ODD", "ODD.HIGH", "CMD", "RAW", "STATUS", "p", "K", "dte(CTRL).table",
            "dte(table = p)", "bits(CTRL, 70, 3)", "CTRL.bit(p)");
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "==",
            "!=", "<", ">=", "&&", "||");
    private static final List<String> PLACES = List.of(
            "sequence s(p) { write CTRL.MODE = %s; }",
            "sequence s(p) { modify CMD = %s; }",
            "sequence s(p) { let v = %s; write CTRL = v; }",
            "sequence s(p) { poll %s every 1us timeout 1ms; }",
            "sequence s(p) { poll CTRL == 0 every %s timeout 1ms; }",
            "sequence s(p) { delay %s; }",
            "sequence s(p) { if %s { call s(p); } }",
            "const C = %s;",
            "interrupt irq = %s;",
            "behaviour { on write CMD == %s { STATUS = value; } }",
            "fault translation { RAW = %s; stall; }",
            "tlb { caches leaf; line %s; }");

    static Stream<String> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> "seed " + (SEED + i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void checkingRandomExpressionsNeverThrows(String name) {
        Random random = new Random(Long.parseLong(name.substring("seed ".length())));
        String place = PLACES.get(random.nextInt(PLACES.size()));
        String text = """
                iommu t {
                    iova 32;
                    oa 32;
                    const K = 12;
                    registers {
                        BASE 0x00 rw;
                        CTRL 0x04 rw { MODE 1:0; }
                        ODD 0x08 rw width 0 { HIGH 70:64; }
                        CMD 0x0C wo;
                        RAW 0x10 ro;
                        STATUS 0x14 ro = RAW & CTRL;
                    }
                    format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                    walk {
                        root BASE;
                        level pt index iova 31:12 : dte leaf 4K;
                    }
                    %s
                }
                """.formatted(place.formatted(expression(random, 3)));

        Compilation compilation = BehaviourTesting.compile(text);

        assertThat(compilation.render()).isNotNull();
        for (Diagnostic d : compilation.diagnostics()) {
            assertThat(d.span().isNone()).as("span of %s in%n%s", d, text).isFalse();
        }
    }

    private static String expression(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(5);
        switch (choice) {
            case 1:
                return "(" + expression(random, depth - 1) + " " + OPERATORS.get(random.nextInt(OPERATORS.size())) + " "
                        + expression(random, depth - 1) + ")";
            case 2:
                return (random.nextBoolean() ? "!" : "~") + expression(random, depth - 1);
            case 3:
                return "(" + expression(random, depth - 1) + " ? " + expression(random, depth - 1) + " : "
                        + expression(random, depth - 1) + ")";
            case 4:
                return (random.nextBoolean() ? "min(" : "align_up(") + expression(random, depth - 1) + ", "
                        + expression(random, depth - 1) + ")";
            default:
                return ATOMS.get(random.nextInt(ATOMS.size()));
        }
    }
}
