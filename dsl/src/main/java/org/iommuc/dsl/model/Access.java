package org.iommuc.dsl.model;

/** How software may access a register or field. */
public enum Access {
    /** Read-only; writes are ignored. */
    RO("ro", true, false),
    /** Read-write. */
    RW("rw", true, true),
    /** Write-only; reads return 0. */
    WO("wo", false, true),
    /** Write 1 to clear: each bit written 1 clears that bit; the register reads its state. */
    W1C("w1c", true, true),
    /** Read to clear: a read returns the value and clears it. */
    RC("rc", true, false),
    /** Self-clearing: written 1 to start an action, reads back 0 once the action is done. */
    SC("sc", true, true);

    private final String keyword;
    private final boolean readable;
    private final boolean writable;

    Access(String keyword, boolean readable, boolean writable) {
        this.keyword = keyword;
        this.readable = readable;
        this.writable = writable;
    }

    public String keyword() {
        return keyword;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public static Access fromKeyword(String word) {
        for (Access access : values()) {
            if (access.keyword.equals(word)) {
                return access;
            }
        }
        return null;
    }
}
