package org.iommuc.dsl.parse;

import java.nio.CharBuffer;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.parser.IommuParser;
import org.iommuc.dsl.source.SourceFile;

/**
 * Turns text into a parse tree, reporting every problem as a diagnostic.
 *
 * <p>Lexical problems (a stray character, an unterminated string) are reported here and the
 * offending tokens hidden from the parser, so the parser reports only structural errors. The
 * parse runs twice only when needed: first in fast SLL mode that gives up at the first error,
 * then, on failure, in full LL mode with error recovery. Nesting deeper than
 * {@link #MAX_NESTING} is refused before parsing.
 */
public final class Parsing {

    /** Deepest bracket nesting accepted; real descriptions stay below 10. */
    public static final int MAX_NESTING = 64;

    private Parsing() {}

    public static ParsedFile parse(SourceFile source, Diagnostics diagnostics) {
        IommuLexer lexer = new IommuLexer(charStream(source.text(), source.path()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (!lexicalChecks(source, tokens.getTokens(), diagnostics)) {
            return new ParsedFile(source, tokens, null);
        }
        return new ParsedFile(source, tokens, parseTokens(source, tokens, diagnostics));
    }

    /**
     * The text as the lexer reads it: one symbol per UTF-16 unit, so that token indexes are
     * offsets into the Java string (a character beyond the BMP, such as an emoji in a comment,
     * is two symbols, as it is two chars). {@code CharStreams.fromString} counts code points
     * instead, and every position after such a character would be off. A lone CR is read as
     * the LF it stands for.
     */
    public static CharStream charStream(String text, String name) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            // a lone CR ends a line (SourceFile counts it so); ANTLR counts only LF: give it one,
            // in place, so offsets do not move and token line numbers agree with SourceFile's
            if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
                chars[i] = '\n';
            }
        }
        return CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(chars)), name);
    }

    private static IommuParser.FileContext parseTokens(
            SourceFile source, CommonTokenStream tokens, Diagnostics diagnostics) {
        IommuParser parser = new IommuParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.file();
        } catch (ParseCancellationException slowPathNeeded) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            SyntaxErrors errors = new SyntaxErrors(source, diagnostics);
            parser.setErrorHandler(new PlainWordsErrorStrategy(errors));
            parser.addErrorListener(errors);
            try {
                return parser.file();
            } catch (SyntaxErrors.TooManyErrors stop) {
                return null;
            }
        }
    }

    /**
     * Reports lexical errors and hides the bad tokens; false when parsing must not start. An
     * unterminated string or comment swallows the tokens after it, so parsing would only report
     * the damage (a missing ';' or '}'): every lexical error is still reported, but not parsed.
     */
    private static boolean lexicalChecks(SourceFile source, List<Token> tokens, Diagnostics diagnostics) {
        int depth = 0;
        int reported = 0;
        boolean parseable = true;
        int described = -1;
        for (Token token : tokens) {
            switch (token.getType()) {
                case IommuLexer.LBRACE, IommuLexer.LPAREN, IommuLexer.LBRACK -> {
                    depth++;
                    if (depth > MAX_NESTING) {
                        diagnostics.error(Code.E0005, span(source, token),
                                "nesting deeper than " + MAX_NESTING + " levels");
                        return false;
                    }
                }
                case IommuLexer.RBRACE, IommuLexer.RPAREN, IommuLexer.RBRACK -> depth = Math.max(0, depth - 1);
                case IommuLexer.ERROR_CHAR -> {
                    // a character beyond the BMP is two ERROR_CHAR tokens (its surrogates): one report
                    int start = token.getStartIndex();
                    if (start > described && reported++ < SyntaxErrors.MAX_ERRORS) {
                        int cp = source.text().codePointAt(start);
                        diagnostics.error(Code.E0001, span(source, start, Character.charCount(cp)),
                                "unexpected character " + describeChar(Character.toString(cp)));
                        described = start + Character.charCount(cp) - 1;
                    }
                    hide(token);
                }
                case IommuLexer.STRING -> reported = unknownEscapes(source, token, reported, diagnostics);
                case IommuLexer.UNTERMINATED_STRING -> {
                    reported++;
                    diagnostics.error(Code.E0006, span(source, token), "string is not closed before the end of the line");
                    hide(token);
                    parseable = false;
                }
                case IommuLexer.UNTERMINATED_COMMENT -> {
                    reported++;
                    diagnostics.error(Code.E0006, span(source, token.getStartIndex(), 2),
                            "comment is not closed before the end of the file");
                    hide(token);
                    parseable = false;
                }
                default -> { }
            }
        }
        return parseable;
    }

    /**
     * Reports each escape in a string other than {@code \n}, {@code \t}, {@code \"} and
     * {@code \\}, at its backslash, while fewer than {@link SyntaxErrors#MAX_ERRORS} errors are
     * reported; the string stays a token, so parsing goes on. Returns the new count of reports.
     */
    private static int unknownEscapes(SourceFile source, Token token, int reported, Diagnostics diagnostics) {
        String text = source.text();
        int end = token.getStopIndex(); // the closing quote
        for (int i = token.getStartIndex() + 1; i < end; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            int cp = text.codePointAt(i + 1);
            if (cp != 'n' && cp != 't' && cp != '"' && cp != '\\' && reported++ < SyntaxErrors.MAX_ERRORS) {
                String escaped = Character.toString(cp);
                String shown = describeChar(escaped).startsWith("U+")
                        ? "'\\' followed by " + describeChar(escaped) : "'\\" + escaped + "'";
                diagnostics.error(Code.E0001, span(source, i, 1 + Character.charCount(cp)),
                        "unknown escape " + shown + " in a string; the escapes are \\n, \\t, \\\" and \\\\");
            }
            i += Character.charCount(cp);
        }
        return reported;
    }

    private static void hide(Token token) {
        ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
    }

    static org.iommuc.dsl.source.Span span(SourceFile source, Token token) {
        if (token.getType() == Token.EOF) {
            int end = source.text().stripTrailing().length();
            return source.span(end, end);
        }
        return source.span(token.getStartIndex(), token.getStopIndex() + 1);
    }

    private static org.iommuc.dsl.source.Span span(SourceFile source, int start, int length) {
        return source.span(start, start + length);
    }

    private static String describeChar(String text) {
        int cp = text.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return String.format("U+%04X", cp);
        }
        if (cp == 0xFFFD) {
            return "U+FFFD (a byte that is not valid UTF-8)";
        }
        return "'" + text + "'";
    }
}
