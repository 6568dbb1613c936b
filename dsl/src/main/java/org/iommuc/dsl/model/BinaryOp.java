package org.iommuc.dsl.model;

/** Infix operators, tightest first (Rust's order: bit operators bind tighter than comparisons). */
public enum BinaryOp {
    MUL("*", 10),
    DIV("/", 10),
    MOD("%", 10),
    ADD("+", 9),
    SUB("-", 9),
    SHL("<<", 8),
    SHR(">>", 8),
    AND("&", 7),
    XOR("^", 6),
    OR("|", 5),
    LT("<", 4),
    LE("<=", 4),
    GT(">", 4),
    GE(">=", 4),
    EQ("==", 4),
    NE("!=", 4),
    LOGICAL_AND("&&", 3),
    LOGICAL_OR("||", 2);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    /** True for operators whose result is 0 or 1. */
    public boolean isBoolean() {
        return precedence <= 4;
    }

    public static BinaryOp fromSymbol(String symbol) {
        for (BinaryOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
