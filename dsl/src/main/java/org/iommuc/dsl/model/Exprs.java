package org.iommuc.dsl.model;

import java.util.OptionalLong;

/**
 * Evaluation of constant expressions. After resolution a constant expression is made of
 * literals, {@link ConstRef}, {@link EnumRef}, operators and pure built-ins; anything else
 * (a register, a variable) makes it non-constant. Arithmetic is unsigned 64-bit; an overflow or
 * a division by zero makes the result absent (the checks report it).
 */
public final class Exprs {

    private Exprs() {}

    /** The value of a constant expression, or empty if it is not constant or not computable. */
    public static OptionalLong constant(Expr expr) {
        try {
            return OptionalLong.of(eval(expr));
        } catch (NotConstant | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** True when the expression reads nothing at run time (it may still fail to evaluate). */
    public static boolean isConstant(Expr expr) {
        try {
            eval(expr);
            return true;
        } catch (NotConstant e) {
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }

    /** Why a constant expression cannot be computed, or null if it can (or is not constant). */
    public static String arithmeticError(Expr expr) {
        try {
            eval(expr);
            return null;
        } catch (NotConstant e) {
            return null;
        } catch (ArithmeticException e) {
            return e.getMessage();
        }
    }

    private static final class NotConstant extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConstant() {
            super(null, null, false, false);
        }
    }

    private static long eval(Expr expr) {
        if (expr instanceof Num n) {
            return n.value();
        }
        if (expr instanceof ConstRef c) {
            if (c.failed()) {
                throw new ArithmeticException("constant '" + c.name() + "' cannot be computed");
            }
            return c.value();
        }
        if (expr instanceof EnumRef e) {
            return e.value();
        }
        if (expr instanceof Unary u) {
            return unary(u.op(), eval(u.operand()));
        }
        if (expr instanceof Binary b) {
            return binary(b.op(), eval(b.left()), eval(b.right()));
        }
        if (expr instanceof Conditional c) {
            return eval(c.condition()) != 0 ? eval(c.then()) : eval(c.otherwise());
        }
        if (expr instanceof Builtin b) {
            if (b.args().size() != b.function().arity()) {
                throw new NotConstant();
            }
            long[] args = new long[b.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = eval(b.args().get(i));
            }
            return builtin(b.function(), args);
        }
        throw new NotConstant();
    }

    public static long unary(UnaryOp op, long value) {
        return TotalOps.unary(op, value);
    }

    /**
     * One binary operation with the language's semantics, checked: where run-time arithmetic
     * ({@link TotalOps}) wraps or defines a result for nonsense (an overflow, a division by
     * zero, a shift of 64), a constant expression is an error instead.
     */
    public static long binary(BinaryOp op, long a, long b) {
        String error = binaryError(op, a, b);
        if (error != null) {
            throw new ArithmeticException(error);
        }
        return TotalOps.binary(op, a, b);
    }

    private static String binaryError(BinaryOp op, long a, long b) {
        switch (op) {
            case MUL:
                return a != 0 && b != 0 && Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a) != 0
                        ? "multiplication overflows 64 bits" : null;
            case DIV:
            case MOD:
                return b == 0 ? "division by zero" : null;
            case ADD:
                return Long.compareUnsigned(a + b, a) < 0 ? "addition overflows 64 bits" : null;
            case SUB:
                return Long.compareUnsigned(a, b) < 0 ? "subtraction goes below zero" : null;
            case SHL:
                if (Long.compareUnsigned(b, 63) > 0) {
                    return "shift by " + Long.toUnsignedString(b) + " bits";
                }
                return b > 0 && (a >>> (64 - b)) != 0 ? "left shift overflows 64 bits" : null;
            default:
                return null;
        }
    }

    /** One built-in function with the language's semantics, checked as {@link #binary} is. */
    public static long builtin(Builtin.Function function, long[] args) {
        String error = builtinError(function, args);
        if (error != null) {
            throw new ArithmeticException(error);
        }
        return TotalOps.builtin(function, args);
    }

    private static String builtinError(Builtin.Function function, long[] args) {
        switch (function) {
            case BITS:
                return rangeError(args[1], args[2]);
            case MASK:
                return rangeError(args[0], args[1]);
            case ALIGN_DOWN:
                return powerOfTwoError(args[1]);
            case ALIGN_UP:
                String notPowerOfTwo = powerOfTwoError(args[1]);
                if (notPowerOfTwo != null) {
                    return notPowerOfTwo;
                }
                return Long.compareUnsigned(args[0] + args[1] - 1, args[0]) < 0 ? "align_up overflows 64 bits" : null;
            default:
                return null;
        }
    }

    private static String powerOfTwoError(long value) {
        return value == 0 || Long.bitCount(value) != 1
                ? "alignment " + Long.toUnsignedString(value) + " is not a power of two" : null;
    }

    private static String rangeError(long high, long low) {
        if (Long.compareUnsigned(high, 63) > 0 || Long.compareUnsigned(low, 63) > 0) {
            return "bit range " + Long.toUnsignedString(high) + ":" + Long.toUnsignedString(low) + " is not within 63:0";
        }
        return Long.compareUnsigned(low, high) > 0
                ? "bit range " + high + ":" + low + " is reversed: the high bit comes first (" + low + ":" + high + ")"
                : null;
    }

    /** The expression as source text, with only the parentheses precedence needs. */
    public static String text(Expr expr) {
        StringBuilder out = new StringBuilder();
        print(expr, out, 0);
        return out.toString();
    }

    private static final int TIGHTEST = 20;

    private static void print(Expr expr, StringBuilder out, int context) {
        if (expr instanceof Num n) {
            out.append(numberText(n));
        } else if (expr instanceof Name n) {
            out.append(n.name().text());
        } else if (expr instanceof ConstRef c) {
            out.append(c.name());
        } else if (expr instanceof EnumRef e) {
            out.append(e.name());
        } else if (expr instanceof VarRef v) {
            out.append(v.name());
        } else if (expr instanceof EntryFieldRef f) {
            out.append(f.field());
        } else if (expr instanceof RegRead r) {
            out.append(r.register());
            r.index().ifPresent(i -> {
                out.append('[');
                print(i, out, 0);
                out.append(']');
            });
            r.field().ifPresent(f -> out.append('.').append(f));
        } else if (expr instanceof Member m) {
            print(m.target(), out, TIGHTEST);
            out.append('.').append(m.member().text());
        } else if (expr instanceof Index i) {
            print(i.target(), out, TIGHTEST);
            out.append('[');
            print(i.index(), out, 0);
            out.append(']');
        } else if (expr instanceof Call c) {
            out.append(c.function().text());
            args(c.args(), out);
        } else if (expr instanceof MethodCall m) {
            print(m.target(), out, TIGHTEST);
            out.append('.').append(m.method().text());
            args(m.args(), out);
        } else if (expr instanceof Unary u) {
            out.append(u.op().symbol());
            print(u.operand(), out, TIGHTEST);
        } else if (expr instanceof Binary b) {
            int p = b.op().precedence();
            if (p < context) {
                out.append('(');
            }
            print(b.left(), out, p);
            out.append(' ').append(b.op().symbol()).append(' ');
            print(b.right(), out, p + 1);
            if (p < context) {
                out.append(')');
            }
        } else if (expr instanceof Conditional c) {
            if (context > 0) {
                out.append('(');
            }
            print(c.condition(), out, 2);
            out.append(" ? ");
            print(c.then(), out, 0);
            out.append(" : ");
            print(c.otherwise(), out, 0);
            if (context > 0) {
                out.append(')');
            }
        } else if (expr instanceof Encode e) {
            out.append(e.format()).append('(');
            for (int i = 0; i < e.values().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(e.values().get(i).field()).append(" = ");
                print(e.values().get(i).value(), out, 0);
            }
            out.append(')');
        } else if (expr instanceof Decode d) {
            out.append(d.format()).append('(');
            print(d.value(), out, 0);
            out.append(").").append(d.field());
        } else if (expr instanceof Builtin b) {
            out.append(b.function().keyword()).append('(');
            for (int i = 0; i < b.args().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                print(b.args().get(i), out, 0);
            }
            out.append(')');
        }
    }

    private static void args(java.util.List<Arg> args, StringBuilder out) {
        out.append('(');
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            out.append(i == 0 ? "" : ", ");
            a.name().ifPresent(n -> out.append(n.text()).append(" = "));
            print(a.value(), out, 0);
        }
        out.append(')');
    }

    private static String numberText(Num n) {
        long v = n.value();
        switch (n.unit()) {
            case BYTES:
                return sizeText(v);
            case NANOS:
                return timeText(v);
            default:
                return Long.compareUnsigned(v, 256) < 0 ? Long.toString(v) : "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A byte count as written in the language: 4K, 1M, or plain. */
    public static String sizeText(long bytes) {
        String[] suffixes = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < shifts.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return (bytes / unit) + suffixes[i];
            }
        }
        return Long.toString(bytes);
    }

    private static String timeText(long nanos) {
        if (nanos != 0 && nanos % 1_000_000_000L == 0) {
            return (nanos / 1_000_000_000L) + "s";
        }
        if (nanos != 0 && nanos % 1_000_000L == 0) {
            return (nanos / 1_000_000L) + "ms";
        }
        if (nanos != 0 && nanos % 1_000L == 0) {
            return (nanos / 1_000L) + "us";
        }
        return nanos + "ns";
    }
}
