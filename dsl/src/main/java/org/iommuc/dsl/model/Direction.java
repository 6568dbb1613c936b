package org.iommuc.dsl.model;

/** The direction of an access: a DMA transaction, a register access, a permission. */
public enum Direction {
    READ,
    WRITE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
