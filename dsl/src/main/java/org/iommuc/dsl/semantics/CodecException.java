package org.iommuc.dsl.semantics;

/** A request an entry codec cannot honour (unknown field, value too wide); the message says why. */
public final class CodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
