package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** One step of a programming sequence: what the driver does. */
public sealed interface Step {

    Span span();

    /**
     * {@code write REG.FIELD = v;} writes the whole register (other fields 0);
     * {@code modify REG.FIELD = v;} reads, changes that field, and writes back.
     */
    record Write(RegRef target, Expr value, boolean modify, Span span) implements Step {}

    /** {@code poll cond every 100us timeout 1ms [else { ... }];} */
    record Poll(Expr condition, Expr period, Expr timeout, Optional<List<Step>> otherwise, Span span)
            implements Step {}

    /** {@code expect cond [else fail "why"];} */
    record Expect(Expr condition, Optional<Text> message, Span span) implements Step {}

    /** {@code let name = expr;} (register reads happen once, here) */
    record Let(Ident name, Expr value, Span span) implements Step {}

    /**
     * {@code call sequence(args);}, or {@code call sequence(args) else { ... }}: when the called
     * sequence fails, the steps run instead of failing this one (a driver's error path).
     */
    record Call(Ident sequence, List<Expr> args, Optional<List<Step>> otherwise, Span span) implements Step {
        public Call {
            args = List.copyOf(args);
            otherwise = otherwise.map(List::copyOf);
        }

        public Call(Ident sequence, List<Expr> args, Span span) {
            this(sequence, args, Optional.empty(), span);
        }
    }

    /** {@code delay 10us;} */
    record Delay(Expr time, Span span) implements Step {}

    /** {@code report fault(iova = a, write = w);}: hand a fault to the OS (report_iommu_fault). */
    record Report(List<Arg> args, Span span) implements Step {
        public Report {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code fail "why";}: the sequence fails with an error. {@code fail;} (no message), in the
     * {@code else} block of a {@code call} or a {@code poll}, fails with the error that block
     * handles: the called sequence's, or the poll's timeout.
     */
    record Fail(Optional<Text> message, Span span) implements Step {}

    /** {@code save REG, ...;}: the driver keeps the registers' values for a later restore. */
    record Save(List<Ident> registers, Span span) implements Step {
        public Save {
            registers = List.copyOf(registers);
        }
    }

    /** {@code restore REG, ...;}: the driver writes back the values it saved. */
    record Restore(List<Ident> registers, Span span) implements Step {
        public Restore {
            registers = List.copyOf(registers);
        }
    }

    /** {@code return;}: the sequence ends here. */
    record Return(Span span) implements Step {}

    /**
     * {@code for NAME in FIRST ..= LAST step BY { ... }}: the body once for each value of NAME
     * from FIRST up to LAST (inclusive, unsigned), BY apart (1 when not written); a loop ends
     * rather than wrap past 2^64.
     */
    record For(Ident variable, Expr first, Expr last, Optional<Expr> by, List<Step> body, Span span) implements Step {
        public For {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code for NAME in banks { ... }}: the body once for each register bank of the instance, in
     * bank order; NAME is the bank's number from 0. Every register access of the body, and of the
     * sequences it calls, goes to that bank.
     */
    record ForBanks(Ident variable, List<Step> body, Span span) implements Step {
        public ForBanks {
            body = List.copyOf(body);
        }
    }

    /** {@code if cond { ... } else { ... }} */
    record If(Expr condition, List<Step> then, List<Step> otherwise, Span span) implements Step {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }
}
