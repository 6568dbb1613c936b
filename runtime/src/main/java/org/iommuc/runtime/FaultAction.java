package org.iommuc.runtime;

/** What happened to a faulting transaction. */
public enum FaultAction {
    /** The transaction waits for {@code fault resume} or {@code fault abort}. */
    STALL,
    /** The transaction ends with an error. */
    ABORT,
    /**
     * The transaction completes at the output address the handler gave
     * ({@link IommuEngine#redirect}): the access goes to memory there.
     */
    REDIRECT,
    /** No fault handler matched: the transaction ends with an error and nothing is recorded. */
    UNHANDLED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
