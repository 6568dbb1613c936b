package org.iommuc.dsl;

/** The phases of the front end, in order. The pipeline stops after the first with errors. */
public enum Phase {
    PARSE("reading and parsing"),
    RESOLVE("resolving extends and names"),
    CHECK("checking"),
    DONE("done");

    private final String words;

    Phase(String words) {
        this.words = words;
    }

    /** How the phase reads in "stopped after reading and parsing". */
    public String words() {
        return words;
    }
}
