package org.iommuc.dsl.diag;

/**
 * Every diagnostic iommuc can report, with a stable code. Codes are never renumbered or reused;
 * each is documented in {@code docs/diagnostics.md} and has a description in {@code bad/} that
 * triggers it.
 */
public enum Code {
    // Reading and parsing
    E0001(Severity.ERROR, "syntax error"),
    E0002(Severity.ERROR, "file is not valid UTF-8"),
    E0003(Severity.ERROR, "file cannot be read"),
    E0004(Severity.ERROR, "include cycle"),
    E0005(Severity.ERROR, "nesting too deep"),
    E0006(Severity.ERROR, "unterminated string or comment"),
    E0007(Severity.ERROR, "number does not fit in 64 bits"),
    E0008(Severity.ERROR, "file declares no iommu"),

    // Names, structure, extends
    E0100(Severity.ERROR, "duplicate name"),
    E0101(Severity.ERROR, "unknown name"),
    E0102(Severity.ERROR, "unknown base description"),
    E0103(Severity.ERROR, "extends cycle"),
    E0104(Severity.ERROR, "removal of a missing item"),
    E0105(Severity.ERROR, "invalid word"),
    E0106(Severity.ERROR, "missing or invalid setting"),
    E0107(Severity.ERROR, "setting given twice"),
    E0108(Severity.ERROR, "amendment of a missing item"),
    E0109(Severity.ERROR, "name of the wrong kind"),
    E0110(Severity.ERROR, "wrong arguments"),
    E0111(Severity.ERROR, "name not allowed here"),

    // Registers and fields
    E0200(Severity.ERROR, "overlapping registers"),
    E0201(Severity.ERROR, "overlapping fields"),
    E0202(Severity.ERROR, "field outside its register or entry"),
    E0203(Severity.ERROR, "enumerated value does not fit its field"),
    E0204(Severity.ERROR, "invalid register width"),
    E0205(Severity.ERROR, "misaligned register"),
    E0206(Severity.ERROR, "invalid read/write view"),
    E0207(Severity.ERROR, "reset value does not fit"),
    E0208(Severity.ERROR, "invalid register array"),
    E0209(Severity.ERROR, "computed register is writable"),
    E0210(Severity.ERROR, "duplicate enumerated value"),
    E0211(Severity.ERROR, "invalid bit range"),

    // Entry formats
    E0300(Severity.ERROR, "invalid entry type"),
    E0301(Severity.ERROR, "overlapping address slices"),
    E0302(Severity.ERROR, "gap in address slices"),
    E0303(Severity.ERROR, "address wider than the output address"),
    E0304(Severity.ERROR, "slice widths differ"),
    E0305(Severity.ERROR, "constant does not fit its field"),
    E0306(Severity.ERROR, "conflicting permission encodings"),
    E0307(Severity.ERROR, "several address fields in one format"),
    E0308(Severity.ERROR, "format without an address"),

    // Levels and the walk
    E0400(Severity.ERROR, "overlapping level index bits"),
    E0401(Severity.ERROR, "gap between level index bits"),
    E0402(Severity.ERROR, "levels do not cover the IOVA"),
    E0403(Severity.ERROR, "table size does not match the index bits"),
    E0404(Severity.ERROR, "page size does not match the level"),
    E0405(Severity.ERROR, "invalid contiguous count"),
    E0406(Severity.ERROR, "entry kinds cannot be told apart"),
    E0407(Severity.ERROR, "invalid level structure"),
    E0408(Severity.ERROR, "invalid table alignment"),
    E0409(Severity.ERROR, "invalid empty entry"),
    E0410(Severity.ERROR, "fixed index outside the table"),

    // Behaviour, faults, sequences, expressions
    E0500(Severity.ERROR, "write to a read-only register"),
    E0501(Severity.ERROR, "read of a write-only register"),
    E0502(Severity.ERROR, "statement not allowed here"),
    E0503(Severity.ERROR, "value too wide for its target"),
    E0504(Severity.ERROR, "constant arithmetic error"),
    E0505(Severity.ERROR, "expression must be constant"),
    E0506(Severity.ERROR, "invalid invalidation"),
    E0507(Severity.ERROR, "recursive sequence"),
    E0508(Severity.ERROR, "invalid time"),
    E0509(Severity.ERROR, "conflicting fault actions"),
    E0510(Severity.ERROR, "invalid obligation"),
    E0511(Severity.ERROR, "computed registers read each other"),
    E0512(Severity.ERROR, "array index out of range"),
    E0513(Severity.ERROR, "loop step of zero or negative"),
    E0514(Severity.ERROR, "register read without a bank"),
    E0517(Severity.ERROR, "bank loop or bank query without banks"),

    // Warnings: suspicious but legal
    W0100(Severity.WARNING, "cache is never invalidated"),
    W0101(Severity.WARNING, "permissions are encoded but never checked"),
    W0102(Severity.WARNING, "stalled transactions are never resumed"),
    W0103(Severity.WARNING, "polled value never changes"),
    W0104(Severity.WARNING, "sequence does not match its role"),
    W0105(Severity.WARNING, "interrupt can never be raised"),
    W0106(Severity.WARNING, "comparison decided by widths"),
    W0107(Severity.WARNING, "write rule on a read-only register"),
    W0108(Severity.WARNING, "loop never runs"),
    W0109(Severity.WARNING, "bypass condition is constant"),

    // Backends: what a checked description asks that a generator cannot express
    E0700(Severity.ERROR, "cannot generate"),

    // Failures of iommuc itself, reported with the input's name instead of a stack trace
    E0900(Severity.ERROR, "internal formatter failure");

    private final Severity severity;
    private final String title;

    Code(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    /** A few words naming the problem, as listed in {@code docs/diagnostics.md}. */
    public String title() {
        return title;
    }
}
