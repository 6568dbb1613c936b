package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.UnaryOp;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.source.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConstantValues} says exactly what {@link Exprs} says about every node of random
 * expression trees (values, failures, short-circuiting conditionals, run-time leaves). The seed
 * is in the case name; {@code -Dconstants.seed=N} replays another series.
 */
class ConstantValuesTest {

    private static final long SEED = Long.getLong("constants.seed", 7_000L);
    private static final long[] NUMBERS = {0, 1, 2, 3, 12, 63, 64, 0xFFF, 1L << 62, -1L};

    static Stream<String> seeds() {
        return IntStream.range(0, 500).mapToObj(i -> "seed " + (SEED + i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void agreesWithExprsOnEveryNode(String name) {
        Random random = new Random(Long.parseLong(name.substring("seed ".length())));
        Expr root = expression(random, 5);
        ConstantValues values = new ConstantValues();

        List<Expr> nodes = new ArrayList<>();
        BehaviourSupport.forEachNode(root, nodes::add);
        for (Expr node : nodes) {
            String text = Exprs.text(node);
            assertThat(values.isConstant(node)).as("constant: %s", text).isEqualTo(Exprs.isConstant(node));
            assertThat(values.value(node)).as("value: %s", text).isEqualTo(Exprs.constant(node));
            assertThat(values.error(node)).as("error: %s", text).isEqualTo(Exprs.arithmeticError(node));
        }
    }

    @Test
    void aLongChainTakesLinearTime() throws InterruptedException {
        Expr chain = new RegRead("CTRL", Optional.empty(), Optional.empty(), Span.NONE);
        for (int i = 0; i < 200_000; i++) {
            chain = new Binary(BinaryOp.AND, chain, Num.of(i), Span.NONE);
        }
        Expr root = chain;
        int[] runtimeNodes = new int[1];
        // Deep trees need a deep stack, as the front end gives them; quadratic work would take minutes.
        Thread walk = new Thread(null, () -> {
            ConstantValues values = new ConstantValues();
            Expr node = root;
            while (node instanceof Binary b) {
                runtimeNodes[0] += values.isConstant(node) || !values.isConstant(b.right()) ? 0 : 1;
                node = b.left();
            }
        }, "deep-walk", 256L << 20);

        walk.start();
        walk.join(Duration.ofSeconds(30).toMillis());

        assertThat(walk.isAlive()).as("still walking after 30 s").isFalse();
        assertThat(runtimeNodes[0]).isEqualTo(200_000);
    }

    private static Expr expression(Random random, int depth) {
        int choice = depth == 0 ? random.nextInt(3) : random.nextInt(8);
        switch (choice) {
            case 0:
            case 1:
                return Num.of(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 2:
                return random.nextInt(4) == 0 ? new VarRef("p", Var.PARAM, Span.NONE)
                        : new ConstRef("K", NUMBERS[random.nextInt(NUMBERS.length)], Span.NONE);
            case 3:
                return new Unary(UnaryOp.values()[random.nextInt(UnaryOp.values().length)],
                        expression(random, depth - 1), Span.NONE);
            case 4:
                return new Conditional(expression(random, depth - 1), expression(random, depth - 1),
                        expression(random, depth - 1), Span.NONE);
            case 5:
                return builtin(random, depth);
            default:
                return new Binary(BinaryOp.values()[random.nextInt(BinaryOp.values().length)],
                        expression(random, depth - 1), expression(random, depth - 1), Span.NONE);
        }
    }

    private static Expr builtin(Random random, int depth) {
        Builtin.Function function = Builtin.Function.values()[random.nextInt(Builtin.Function.values().length)];
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < function.arity(); i++) {
            args.add(expression(random, depth - 1));
        }
        return new Builtin(function, args, Span.NONE);
    }
}
