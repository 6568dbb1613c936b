package org.iommuc.dsl.model;

/** The variables an expression can name, besides registers and constants. */
public enum Var {
    /** The IOVA of the transaction (faults, permission rules). */
    IOVA("iova"),
    /** 1 when the transaction is a write (faults, permission rules). */
    WRITE("write"),
    /** 1 when the transaction is a read. */
    READ("read"),
    /** The master (stream) id of the transaction. */
    MASTER("master"),
    /** The raw value of a register access that triggered a behaviour rule. */
    VALUE("value"),
    /** The raw entry the walk stopped at (faults). */
    ENTRY("entry"),
    /** The first IOVA of a page-table change (obligations). */
    FIRST("first"),
    /** The last IOVA (inclusive) of a page-table change (obligations). */
    LAST("last"),
    /** The size in bytes of a page-table change (obligations). */
    SIZE("size"),
    /** Every page of a page-table change, one call each, at the page size the change wrote (obligations). */
    EACH("each"),
    /** A page or table the driver shares between slots (a dummy page): its address. */
    SHARED("shared"),
    /** A buffer the driver allocated: its physical address. */
    BUFFER("buffer"),
    /** A device-tree option the driver read at probe: 1 when the property is present, else 0. */
    OPTION("option"),
    /** 1 while a paging domain is attached to the IOMMU (driver state, sequences). */
    DOMAIN_ATTACHED("domain_attached"),
    /** 1 while the identity (passthrough) domain is attached (driver state, sequences). */
    IDENTITY_ATTACHED("identity_attached"),
    /** A parameter of a sequence. */
    PARAM("param"),
    /** A {@code let} of a sequence. */
    LOCAL("let");

    private final String keyword;

    Var(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
