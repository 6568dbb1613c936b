package org.iommuc.dsl.model;

/** Prefix operators. */
public enum UnaryOp {
    NOT("!"),
    BIT_NOT("~"),
    NEGATE("-");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
