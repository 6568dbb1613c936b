package org.iommuc.dsl.fmt;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.parser.IommuParser;

/**
 * What each significant token is in the parse tree, as far as layout cares: the rule it belongs
 * to decides whether a {@code :} is tight ({@code 7:4}) or spaced ({@code : u32}), whether a
 * {@code (} follows a callee tightly, whether a {@code -} is unary. The tree is walked without
 * recursion, so a deeply nested expression cannot overflow the stack here.
 */
final class TokenRoles {

    private final ParserRuleContext[] parents;

    TokenRoles(IommuParser.FileContext tree, int tokenCount) {
        parents = new ParserRuleContext[tokenCount];
        Deque<ParseTree> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            ParseTree node = pending.pop();
            if (node instanceof TerminalNode terminal) {
                int index = terminal.getSymbol().getTokenIndex();
                if (index >= 0 && index < tokenCount && terminal.getParent() instanceof ParserRuleContext parent) {
                    parents[index] = parent;
                }
                continue;
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                pending.push(node.getChild(i));
            }
        }
    }

    private ParserRuleContext parent(Token token) {
        int index = token.getTokenIndex();
        return index >= 0 && index < parents.length ? parents[index] : null;
    }

    /** The <code>}</code> that closes an {@code iommu} description. */
    boolean closesDescription(Token token) {
        return token.getType() == IommuLexer.RBRACE && parent(token) instanceof IommuParser.IommuDeclContext;
    }

    /** The {@code ;} that ends an {@code include} line. */
    boolean endsInclude(Token token) {
        return token.getType() == IommuLexer.SEMI && parent(token) instanceof IommuParser.IncludeDeclContext;
    }

    /** A comma between (or after) enumerated values: each value gets its own line. */
    boolean isEnumComma(Token token) {
        return token.getType() == IommuLexer.COMMA && parent(token) instanceof IommuParser.EnumBodyContext;
    }

    /** The <code>}</code> that closes an enum body. */
    boolean closesEnum(Token token) {
        return token.getType() == IommuLexer.RBRACE && parent(token) instanceof IommuParser.EnumBodyContext;
    }

    /** The last token of the last value of an enum body written without a trailing comma. */
    boolean needsEnumComma(Token token, Token nextSignificant) {
        return nextSignificant != null && closesEnum(nextSignificant) && token.getType() != IommuLexer.COMMA;
    }

    /** No space before this token. */
    boolean tightBefore(Token token) {
        return switch (token.getType()) {
            case IommuLexer.SEMI, IommuLexer.COMMA, IommuLexer.RPAREN, IommuLexer.RBRACK, IommuLexer.DOT,
                    IommuLexer.LBRACK -> true;
            case IommuLexer.COLON -> parent(token) instanceof IommuParser.BitsContext
                    || parent(token) instanceof IommuParser.ObligationContext;
            case IommuLexer.LPAREN -> isCalleeParen(parent(token));
            default -> false;
        };
    }

    /** No space after this token. */
    boolean tightAfter(Token token) {
        return switch (token.getType()) {
            case IommuLexer.LPAREN, IommuLexer.LBRACK, IommuLexer.DOT -> true;
            case IommuLexer.COLON -> parent(token) instanceof IommuParser.BitsContext;
            case IommuLexer.NOT, IommuLexer.TILDE, IommuLexer.MINUS ->
                    parent(token) instanceof IommuParser.UnaryExprContext unary && unary.op == token;
            default -> false;
        };
    }

    /** A {@code (} that opens an argument or parameter list rather than a parenthesised expression. */
    private static boolean isCalleeParen(ParserRuleContext parent) {
        return parent instanceof IommuParser.CallExprContext
                || parent instanceof IommuParser.MethodExprContext
                || parent instanceof IommuParser.InvalidateScopeContext
                || parent instanceof IommuParser.SequenceDeclContext
                || parent instanceof IommuParser.CallStepContext
                || parent instanceof IommuParser.ReportStepContext
                || parent instanceof IommuParser.ObligationCallContext;
    }
}
