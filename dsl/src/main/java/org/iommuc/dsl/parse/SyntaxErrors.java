package org.iommuc.dsl.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.source.SourceFile;

/**
 * Collects syntax errors as diagnostics. Messages arrive already in plain words from
 * {@link PlainWordsErrorStrategy}. Cascades are cut: one error per line, and parsing stops
 * after {@link #MAX_ERRORS}.
 */
final class SyntaxErrors extends BaseErrorListener {

    static final int MAX_ERRORS = 20;

    /** Thrown to stop parsing once the cap is reached. */
    static final class TooManyErrors extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private int count;
    private int lastLine = -1;

    SyntaxErrors(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
            int charPositionInLine, String message, RecognitionException e) {
        if (line == lastLine) {
            return;
        }
        lastLine = line;
        Token token = (Token) offendingSymbol;
        if (++count > MAX_ERRORS) {
            diagnostics.error(Code.E0001, Parsing.span(source, token),
                    "too many syntax errors (" + MAX_ERRORS + "); stopping here");
            throw new TooManyErrors();
        }
        diagnostics.error(Code.E0001, Parsing.span(source, token), message);
    }
}
