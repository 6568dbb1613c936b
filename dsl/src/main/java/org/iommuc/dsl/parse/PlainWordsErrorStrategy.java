package org.iommuc.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.parser.IommuParser;

/**
 * ANTLR's recovery, with messages in plain words: {@code expected ';' before '}'},
 * {@code expected '}' before end of file}, {@code unexpected 'foo' in a register declaration}.
 */
final class PlainWordsErrorStrategy extends DefaultErrorStrategy {

    private static final int MAX_LISTED = 5;

    private final SyntaxErrors errors;

    PlainWordsErrorStrategy(SyntaxErrors errors) {
        this.errors = errors;
    }

    /**
     * "unexpected 'x' in ...", except that a statement whose value ends a line and whose next
     * line starts with something it cannot take ({@code reset 0} then {@code D 0x0C rw;}) is
     * missing its ';': that is reported right after the value, as {@link #reportExpected} does.
     */
    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token token = e.getOffendingToken();
        if (!(semicolonCouldEnd(parser, e) && missingSeparator(parser, token, e, "';'"))) {
            parser.notifyErrorListeners(token, unexpected(parser, token), e);
        }
    }

    /**
     * True when a ';' could have come where the parse failed: some configuration alive just
     * before the offending token accepts ';' next within its rule. (One that could only leave
     * its rule there is not counted: what follows the rule depends on where it was called.)
     */
    private static boolean semicolonCouldEnd(Parser parser, NoViableAltException e) {
        ATNConfigSet configs = e.getDeadEndConfigs();
        if (configs == null) {
            return false;
        }
        ATN atn = parser.getATN();
        for (ATNConfig config : configs) {
            if (atn.nextTokens(config.state).contains(IommuLexer.SEMI)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports "expected SEPARATOR before X" right after the previous token when X starts a later
     * line and the previous token ends a value; false (nothing reported) otherwise.
     */
    private boolean missingSeparator(Parser parser, Token token, RecognitionException e, String separator) {
        Token previous = previousOnChannel(parser, token);
        if (token.getType() == Token.EOF || previous == null || token.getLine() <= previous.getLine()
                || !endsAValue(previous)) {
            return false;
        }
        parser.notifyErrorListeners(after(previous), "expected " + separator + " before " + describe(token), e);
        return true;
    }

    /** The default-channel token before {@code token}, or null. */
    private static Token previousOnChannel(Parser parser, Token token) {
        TokenStream stream = parser.getInputStream();
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token t = stream.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }

    /** A token that can end a value, so that a statement may end after it. */
    private static boolean endsAValue(Token token) {
        return switch (token.getType()) {
            case IommuLexer.NUMBER, IommuLexer.SIZE_LITERAL, IommuLexer.TIME_LITERAL, IommuLexer.IDENT,
                    IommuLexer.STRING, IommuLexer.RPAREN, IommuLexer.RBRACK -> true;
            default -> false;
        };
    }

    /** "unexpected 'x' in ...", or, at the end of the file, what was still expected. */
    private String unexpected(Parser parser, Token token) {
        if (token.getType() != Token.EOF) {
            return "unexpected " + describe(token) + context(parser);
        }
        IntervalSet expected = getExpectedTokens(parser);
        String what = expected.contains(IommuLexer.RBRACE) ? "'}'" : expected(parser, expected);
        return "expected " + what + " before end of file";
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        reportExpected(parser, e.getOffendingToken(), e.getExpectedTokens(), e);
    }

    /**
     * "expected X before Y". When Y starts a later line than the last good token, the error is
     * placed right after that token (where the missing text belongs), and a missing ';' is
     * named alone, as a C compiler does.
     */
    private void reportExpected(Parser parser, Token token, IntervalSet expected, InputMismatchException e) {
        Token previous = parser.getInputStream().LT(-1);
        boolean newLine = previous != null && (token.getType() == Token.EOF || token.getLine() > previous.getLine());
        String what = newLine && expected.contains(IommuLexer.SEMI) ? "';'" : expected(parser, expected);
        Token at = newLine ? after(previous) : token;
        parser.notifyErrorListeners(at, "expected " + what + " before " + describe(token), e);
    }

    /** A zero-length token just after {@code previous}, to anchor a diagnostic there. */
    private static Token after(Token previous) {
        CommonToken anchor = new CommonToken(previous);
        anchor.setType(IommuLexer.SEMI);
        anchor.setText("");
        anchor.setStartIndex(previous.getStopIndex() + 1);
        anchor.setStopIndex(previous.getStopIndex());
        anchor.setCharPositionInLine(previous.getCharPositionInLine() + previous.getText().length());
        return anchor;
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        parser.notifyErrorListeners(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()), e);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token token = parser.getCurrentToken();
        IntervalSet expected = getExpectedTokens(parser);
        // where a list could go on, ',' is as likely as ';' ('compatible "a"' then '"b";')
        String separator = expected.contains(IommuLexer.COMMA) ? "',' or ';'" : "';'";
        if (expected.contains(IommuLexer.SEMI) && missingSeparator(parser, token, null, separator)) {
            return;
        }
        parser.notifyErrorListeners(token, unexpected(parser, token), null);
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        reportExpected(parser, parser.getCurrentToken(), getExpectedTokens(parser), null);
    }

    static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of file";
        }
        String text = token.getText();
        if (text.length() > 24) {
            text = text.substring(0, 21) + "...";
        }
        return "'" + text + "'";
    }

    private static String expected(Parser parser, IntervalSet set) {
        List<String> words = new ArrayList<>();
        boolean name = set.contains(IommuLexer.IDENT);
        if (name) {
            words.add("a name");
        }
        for (int type : set.toArray()) {
            if (name && isKeyword(type)) {
                continue;
            }
            String word = word(parser, type);
            if (word != null && !words.contains(word)) {
                words.add(word);
            }
        }
        if (words.size() > MAX_LISTED) {
            return summary(parser, words);
        }
        return join(words);
    }

    private static String summary(Parser parser, List<String> words) {
        String closing = words.contains("'}'") ? ", or '}'" : "";
        switch (innermostRule(parser)) {
            case IommuParser.RULE_iommuDecl, IommuParser.RULE_item:
                return "an item such as 'registers', 'format', 'walk' or 'sequence'" + closing;
            case IommuParser.RULE_effect, IommuParser.RULE_effectBlock:
                return "an effect such as 'invalidate', 'translation' or an assignment" + closing;
            case IommuParser.RULE_step, IommuParser.RULE_stepBlock:
                return "a step such as 'write', 'poll' or 'call'" + closing;
            case IommuParser.RULE_file:
                return "'include' or 'iommu'";
            default:
                return "one of " + String.join(", ", words.subList(0, MAX_LISTED)) + ", ...";
        }
    }

    private static String join(List<String> words) {
        if (words.isEmpty()) {
            return "something else";
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String word(Parser parser, int type) {
        switch (type) {
            case Token.EOF:
                return "end of file";
            case IommuLexer.IDENT:
                return "a name";
            case IommuLexer.NUMBER:
                return "a number";
            case IommuLexer.STRING:
                return "a string";
            case IommuLexer.SIZE_LITERAL:
                return "a size such as 4K";
            case IommuLexer.TIME_LITERAL:
                return "a time such as 100us";
            case IommuLexer.ACCESS:
                return "an access kind (ro, rw, wo, w1c, rc or sc)";
            default:
                return parser.getVocabulary().getLiteralName(type);
        }
    }

    private static boolean isKeyword(int type) {
        return type >= IommuLexer.INCLUDE && type <= IommuLexer.ACCESS;
    }

    private static int innermostRule(Parser parser) {
        ParserRuleContext ctx = parser.getContext();
        while (ctx != null && isExpressionRule(ctx.getRuleIndex())) {
            ctx = ctx.getParent();
        }
        return ctx == null ? IommuParser.RULE_file : ctx.getRuleIndex();
    }

    private static boolean isExpressionRule(int rule) {
        return rule == IommuParser.RULE_expr || rule == IommuParser.RULE_primary || rule == IommuParser.RULE_arg
                || rule == IommuParser.RULE_ident || rule == IommuParser.RULE_bits || rule == IommuParser.RULE_names;
    }

    private static boolean insideFaultHandler(Parser parser) {
        for (ParserRuleContext ctx = parser.getContext(); ctx != null; ctx = ctx.getParent()) {
            if (ctx.getRuleIndex() == IommuParser.RULE_faultDecl) {
                return true;
            }
        }
        return false;
    }

    private static String context(Parser parser) {
        switch (innermostRule(parser)) {
            case IommuParser.RULE_file:
            case IommuParser.RULE_includeDecl:
                return " at the top level (expected 'include' or 'iommu')";
            case IommuParser.RULE_iommuDecl:
            case IommuParser.RULE_item:
                return " in an iommu description";
            case IommuParser.RULE_registersBlock:
            case IommuParser.RULE_registerDecl:
            case IommuParser.RULE_registerOption:
            case IommuParser.RULE_registerBody:
            case IommuParser.RULE_fieldDecl:
            case IommuParser.RULE_access:
                return " in a register declaration";
            case IommuParser.RULE_enumBody:
            case IommuParser.RULE_enumValue:
                return " in an enum";
            case IommuParser.RULE_formatDecl:
            case IommuParser.RULE_formatMember:
            case IommuParser.RULE_sliceMap:
            case IommuParser.RULE_protSet:
            case IommuParser.RULE_assignment:
                return " in an entry format";
            case IommuParser.RULE_walkBlock:
            case IommuParser.RULE_walkMember:
            case IommuParser.RULE_levelIndex:
            case IommuParser.RULE_levelOption:
            case IommuParser.RULE_entryKind:
            case IommuParser.RULE_sharedKind:
            case IommuParser.RULE_size:
                return " in the walk";
            case IommuParser.RULE_cacheBlock:
            case IommuParser.RULE_cacheMember:
                return " in a cache description";
            case IommuParser.RULE_effectBlock:
            case IommuParser.RULE_effect:
            case IommuParser.RULE_invalidateScope:
            case IommuParser.RULE_regRef:
                // effects stand in behaviour rules and in fault handlers alike
                return insideFaultHandler(parser) ? " in a fault handler" : " in a behaviour rule";
            case IommuParser.RULE_behaviourBlock:
            case IommuParser.RULE_ruleDecl:
                return " in a behaviour rule";
            case IommuParser.RULE_faultDecl:
                return " in a fault handler";
            case IommuParser.RULE_sequenceDecl:
            case IommuParser.RULE_stepBlock:
            case IommuParser.RULE_step:
                return " in a sequence";
            case IommuParser.RULE_obligationsBlock:
            case IommuParser.RULE_obligation:
            case IommuParser.RULE_obligationCall:
                return " in obligations";
            default:
                return "";
        }
    }
}
