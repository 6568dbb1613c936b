package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** A resolved call of a built-in function. */
public record Builtin(Function function, List<Expr> args, Span span) implements Expr {

    public Builtin {
        args = List.copyOf(args);
    }

    /** The built-in functions, with their arity. */
    public enum Function {
        /** {@code bit(x, n)}: bit n of x. */
        BIT("bit", 2),
        /** {@code bits(x, high, low)}: bits high..low of x, shifted down. */
        BITS("bits", 3),
        /** {@code mask(high, low)}: the mask of bits high..low (GENMASK). */
        MASK("mask", 2),
        /** {@code log2(x)}: floor of log2 x (ilog2); 0 for 0. */
        LOG2("log2", 1),
        /** {@code min(a, b)}. */
        MIN("min", 2),
        /** {@code max(a, b)}. */
        MAX("max", 2),
        /** {@code align_down(x, a)}: x rounded down to a multiple of a power of two. */
        ALIGN_DOWN("align_down", 2),
        /** {@code align_up(x, a)}: x rounded up to a multiple of a power of two. */
        ALIGN_UP("align_up", 2),
        /**
         * {@code all_banks(cond)}: 1 when cond holds on every register bank of the instance
         * (sequences of a description with {@code banks}); cond is evaluated on each bank in turn.
         * With one bank it is {@code cond != 0}.
         */
        ALL_BANKS("all_banks", 1),
        /** {@code any_bank(cond)}: 1 when cond holds on at least one register bank. */
        ANY_BANK("any_bank", 1);

        private final String keyword;
        private final int arity;

        Function(String keyword, int arity) {
            this.keyword = keyword;
            this.arity = arity;
        }

        public String keyword() {
            return keyword;
        }

        public int arity() {
            return arity;
        }

        public static Function fromKeyword(String word) {
            for (Function f : values()) {
                if (f.keyword.equals(word)) {
                    return f;
                }
            }
            return null;
        }
    }
}
