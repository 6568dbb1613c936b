package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.semantics.Evaluator;
import org.iommuc.dsl.model.TotalOps;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.Ops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated Java computes what the reference {@link Evaluator} computes: random expressions over
 * registers, with every operator, built-in, comparison, condition and literal edge, become
 * computed registers of a generated model, which is compiled and read back for random register
 * values. Also {@link Ops} against {@link TotalOps}. Seeds are in the case names
 * ({@code -Dexpr.seed=N}).
 */
class ExpressionSemanticsTest {

    private static final long SEED = Long.getLong("expr.seed", 20261123L);
    private static final int EXPRESSIONS = 60;
    private static final int SAMPLES = 300;
    private static final String[] REGISTERS = {"A", "B", "C", "D", "E.LO", "E.HI", "N"};
    private static final long[] LITERALS = {0, 1, 2, 3, 7, 12, 31, 32, 63, 64, 65, 0xFF, 0x1000, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x8000_0000_0000_0000L, -1L};

    static LongStream seeds() {
        return LongStream.range(0, 4).map(i -> SEED + i);
    }

    /** A random expression as description text, fully parenthesized, and whether it is constant. */
    private record Text(String text, boolean constant) {}

    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        Text expr(int depth) {
            int choice = depth == 0 ? random.nextInt(2) : random.nextInt(10);
            switch (choice) {
                case 0:
                    return new Text(REGISTERS[random.nextInt(REGISTERS.length)], false);
                case 1:
                    return literal();
                case 2:
                    return unary(depth);
                case 3:
                    return conditional(depth);
                case 4:
                case 5:
                    return builtin(depth);
                default:
                    return binary(depth);
            }
        }

        private Text literal() {
            long v = LITERALS[random.nextInt(LITERALS.length)];
            return new Text("0x" + Long.toHexString(v), true);
        }

        private Text register() {
            return new Text(REGISTERS[random.nextInt(REGISTERS.length)], false);
        }

        /** Never a constant subexpression that the checks would have to evaluate (and might reject). */
        private Text variable(int depth) {
            Text t = expr(depth);
            return t.constant() ? register() : t;
        }

        private Text unary(int depth) {
            String op = new String[] {"!", "~", "-"}[random.nextInt(3)];
            Text operand = variable(depth - 1);
            return new Text(op + "(" + operand.text() + ")", false);
        }

        private Text conditional(int depth) {
            return new Text("(" + variable(depth - 1).text() + " ? " + expr(depth - 1).text() + " : "
                    + expr(depth - 1).text() + ")", false);
        }

        private Text binary(int depth) {
            String[] ops = {"+", "-", "*", "/", "%", "<<", ">>", "&", "^", "|", "==", "!=", "<", "<=", ">", ">=", "&&",
                "||"};
            String op = ops[random.nextInt(ops.length)];
            Text left = variable(depth - 1);
            Text right = expr(depth - 1);
            if (op.equals("/") || op.equals("%")) {
                right = random.nextBoolean() ? variable(depth - 1) : new Text(Long.toString(1 + random.nextInt(9)), true);
            }
            if (op.equals("<<") && right.constant()) {
                right = new Text(Integer.toString(random.nextInt(64)), true);
            }
            boolean countOrDivisor = op.equals("<<") || op.equals(">>") || op.equals("/") || op.equals("%");
            if (!countOrDivisor && random.nextBoolean()) {
                Text t = left;
                left = right;
                right = t;
            }
            return new Text("(" + left.text() + " " + op + " " + right.text() + ")", false);
        }

        private Text builtin(int depth) {
            switch (random.nextInt(8)) {
                case 0:
                    return call("bit", variable(depth - 1), random.nextBoolean() ? variable(depth - 1) : bitNumber());
                case 1:
                    return bits(depth);
                case 2:
                    return random.nextBoolean() ? call("mask", variable(depth - 1), variable(depth - 1))
                            : maskConstant();
                case 3:
                    return call("log2", variable(depth - 1));
                case 4:
                    return call(random.nextBoolean() ? "min" : "max", variable(depth - 1), expr(depth - 1));
                case 5:
                    return call("align_down", variable(depth - 1), alignment(depth));
                case 6:
                    return call("align_up", variable(depth - 1), alignment(depth));
                default:
                    Text target = variable(depth - 1);
                    return new Text("(" + target.text() + ").bit(" + bitNumber().text() + ")", false);
            }
        }

        private Text bits(int depth) {
            if (random.nextBoolean()) {
                return call("bits", variable(depth - 1), variable(depth - 1), variable(depth - 1));
            }
            int low = random.nextInt(64);
            int high = low + random.nextInt(64 - low);
            return call("bits", variable(depth - 1), new Text(Integer.toString(high), true),
                    new Text(Integer.toString(low), true));
        }

        private Text maskConstant() {
            int low = random.nextInt(64);
            int high = low + random.nextInt(64 - low);
            return new Text("mask(" + high + ", " + low + ")", true);
        }

        private Text bitNumber() {
            return new Text(Integer.toString(random.nextInt(70)), true);
        }

        private Text alignment(int depth) {
            return random.nextBoolean() ? variable(depth - 1) : new Text(Long.toString(1L << random.nextInt(40)), true);
        }

        private static Text call(String function, Text... args) {
            List<String> texts = new ArrayList<>();
            for (Text a : args) {
                texts.add(a.text());
            }
            return new Text(function + "(" + String.join(", ", texts) + ")", false);
        }
    }

    private static String description(List<String> expressions) {
        StringBuilder text = new StringBuilder("iommu expressions {\n    iova 32;\n    oa 32;\n    registers width 64 {\n"
                + "        A 0x00 rw;\n        B 0x08 rw;\n        C 0x10 rw;\n        D 0x18 rw;\n"
                + "        E 0x20 rw { LO 15:0; HI 63:48; }\n        N 0x28 rw width 32;\n");
        for (int i = 0; i < expressions.size(); i++) {
            text.append("        R").append(i).append(' ').append("0x").append(Long.toHexString(0x100 + 8L * i))
                    .append(" ro = ").append(expressions.get(i)).append(";\n");
        }
        return text.append("    }\n    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n"
                + "    walk { root A; level l1 index iova 31:12 : pte leaf 4K; }\n}\n").toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedCodeComputesWhatTheEvaluatorComputes(long seed) {
        Random random = new Random(seed);
        Generator generator = new Generator(random);
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < EXPRESSIONS; i++) {
            expressions.add(generator.expr(1 + random.nextInt(4)).text());
        }
        Compilation compilation = Frontend.compileText("expressions.iommu", description(expressions));
        assertThat(compilation.hasErrors()).as(compilation.render()).isFalse();
        Description d = compilation.main().orElseThrow();
        Compiled compiled = Compiled.of(d);
        IommuEngine model = compiled.model(true);
        Evaluator evaluator = new Evaluator(d);
        long[] values = new long[6];
        for (int sample = 0; sample < SAMPLES; sample++) {
            for (int r = 0; r < values.length; r++) {
                values[r] = CodecConformanceTest.sample(random);
                model.mmioWrite(8L * r, r == 5 ? 32 : 64, values[r]);
            }
            values[5] &= 0xFFFF_FFFFL;
            Evaluator.Env env = new Evaluator.Env() {
                @Override
                public long register(String name, long index) {
                    return values["ABCDEN".indexOf(name)];
                }

                @Override
                public long variable(String name, Var kind) {
                    throw new AssertionError(name);
                }
            };
            for (int i = 0; i < expressions.size(); i++) {
                Register r = d.register("R" + i).orElseThrow();
                long expected = evaluator.eval(r.value().get(), env);
                assertThat(model.mmioRead(r.offsetValue(), 64)).as("R%s = %s with A..N = %s", i, expressions.get(i),
                        java.util.Arrays.toString(values)).isEqualTo(expected);
            }
        }
    }

    @Test
    void opsAgreesWithTotalOps() {
        Random random = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            long a = CodecConformanceTest.sample(random);
            long b = CodecConformanceTest.sample(random);
            long c = CodecConformanceTest.sample(random);
            long n = random.nextBoolean() ? b : b & 127;
            long m = random.nextBoolean() ? c : c & 127;
            String at = "a=0x" + Long.toHexString(a) + " b=0x" + Long.toHexString(b) + " c=0x" + Long.toHexString(c);
            assertThat(Ops.div(a, b)).as(at).isEqualTo(TotalOps.binary(BinaryOp.DIV, a, b));
            assertThat(Ops.rem(a, b)).as(at).isEqualTo(TotalOps.binary(BinaryOp.MOD, a, b));
            assertThat(Ops.shl(a, n)).as(at).isEqualTo(TotalOps.binary(BinaryOp.SHL, a, n));
            assertThat(Ops.shr(a, n)).as(at).isEqualTo(TotalOps.binary(BinaryOp.SHR, a, n));
            assertThat(Ops.bit(a, n)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.BIT, new long[] {a, n}));
            assertThat(Ops.bits(a, n, m)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.BITS, new long[] {a, n, m}));
            assertThat(Ops.mask(n, m)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.MASK, new long[] {n, m}));
            assertThat(Ops.log2(a)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.LOG2, new long[] {a}));
            assertThat(Ops.min(a, b)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.MIN, new long[] {a, b}));
            assertThat(Ops.max(a, b)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.MAX, new long[] {a, b}));
            assertThat(Ops.alignDown(a, b)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.ALIGN_DOWN, new long[] {a, b}));
            assertThat(Ops.alignUp(a, b)).as(at).isEqualTo(TotalOps.builtin(Builtin.Function.ALIGN_UP, new long[] {a, b}));
        }
    }
}
