package org.iommuc.dsl.diag;

/** How bad a diagnostic is. Errors stop the pipeline after the phase that found them. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
