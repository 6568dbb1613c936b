package org.iommuc.dsl.fmt;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.parse.ParsedFile;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.source.SourceFile;

/**
 * Lays out one parsed file in the canonical layout described on {@link Formatter}.
 *
 * <p>Two passes. The first walks the significant tokens and decides, for each, how it is separated
 * from the one before ({@link Sep}) and at which block depth it sits. The second walks every token,
 * comments included, in source order and writes lines: a significant token goes where the first
 * pass said; a comment stays trailing when it followed a token on the same source line, and
 * otherwise gets lines of its own at the indent of what follows it. Source line numbers decide
 * where blank lines were.
 */
final class Layout {

    /** How a significant token is separated from the significant token before it. */
    private enum Sep {
        NONE,
        SPACE,
        NEWLINE
    }

    private final SourceFile source;
    private final List<Token> tokens;
    private final TokenRoles roles;
    private final Sep[] seps;
    private final int[] depths;
    private final boolean[] dropped;
    private final Token[] nextSignificant;

    private final Lines out = new Lines();
    private Token previous;
    private boolean afterInlineComment;
    private boolean topLevelBlankPending;

    private Layout(ParsedFile parsed) {
        this.source = parsed.source();
        this.tokens = new ArrayList<>();
        for (Token token : parsed.tokens().getTokens()) {
            if (token.getType() != Token.EOF && (isSignificant(token) || isComment(token))) {
                tokens.add(token);
            }
        }
        int count = parsed.tokens().getTokens().size();
        this.roles = new TokenRoles(parsed.tree(), count);
        this.seps = new Sep[count];
        this.depths = new int[count];
        this.dropped = new boolean[count];
        this.nextSignificant = new Token[count];
        markDropped();
        linkNextSignificant();
        planSignificant();
    }

    /** The file in canonical layout. */
    static String format(ParsedFile parsed) {
        return new Layout(parsed).render();
    }

    static boolean isSignificant(Token token) {
        return token.getChannel() == Token.DEFAULT_CHANNEL;
    }

    static boolean isComment(Token token) {
        return token.getChannel() == ParsedFile.COMMENT_CHANNEL || token.getChannel() == ParsedFile.DOC_CHANNEL;
    }

    private static boolean isLineComment(Token token) {
        return token.getType() == IommuLexer.LINE_COMMENT || token.getType() == IommuLexer.DOC;
    }

    // ---------------------------------------------------------------------------------------
    // First pass: separators and depths of significant tokens

    /**
     * The optional {@code ;} after an enum body is dropped, unless comments sit between the
     * <code>}</code> and the {@code ;} (a doc comment there must not move to the next item).
     */
    private void markDropped() {
        Token before = null;
        boolean commentBetween = false;
        for (Token token : tokens) {
            if (isComment(token)) {
                commentBetween = true;
                continue;
            }
            if (token.getType() == IommuLexer.SEMI && before != null && roles.closesEnum(before) && !commentBetween) {
                dropped[token.getTokenIndex()] = true;
            }
            before = token;
            commentBetween = false;
        }
    }

    private void linkNextSignificant() {
        Token next = null;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            nextSignificant[token.getTokenIndex()] = next;
            if (isSignificant(token) && !dropped[token.getTokenIndex()]) {
                next = token;
            }
        }
    }

    private void planSignificant() {
        int depth = 0;
        Token before = null;
        for (Token token : tokens) {
            if (!isSignificant(token) || dropped[token.getTokenIndex()]) {
                continue;
            }
            if (token.getType() == IommuLexer.RBRACE) {
                depth = Math.max(0, depth - 1);
            }
            depths[token.getTokenIndex()] = depth;
            seps[token.getTokenIndex()] = before == null ? Sep.NEWLINE : separator(before, token);
            if (token.getType() == IommuLexer.LBRACE) {
                depth++;
            }
            before = token;
        }
    }

    private Sep separator(Token before, Token token) {
        int type = token.getType();
        switch (before.getType()) {
            case IommuLexer.LBRACE:
                return type == IommuLexer.RBRACE ? Sep.NONE : Sep.NEWLINE;
            case IommuLexer.SEMI:
                return Sep.NEWLINE;
            case IommuLexer.RBRACE:
                if (type == IommuLexer.ELSE) {
                    return Sep.SPACE;
                }
                return type == IommuLexer.SEMI ? Sep.NONE : Sep.NEWLINE;
            default:
                break;
        }
        if (type == IommuLexer.RBRACE || roles.isEnumComma(before)) {
            return Sep.NEWLINE;
        }
        return roles.tightBefore(token) || roles.tightAfter(before) ? Sep.NONE : Sep.SPACE;
    }

    private Sep sep(Token token) {
        return token == null ? Sep.NEWLINE : seps[token.getTokenIndex()];
    }

    private int depth(Token token) {
        return token == null ? 0 : depths[token.getTokenIndex()];
    }

    /** The indent of a token that starts a line although it would continue the line before. */
    private int continuationDepth(Token token) {
        int type = token.getType();
        boolean ownLevel = type == IommuLexer.RBRACE || type == IommuLexer.LBRACE || type == IommuLexer.ELSE;
        return depth(token) + (ownLevel ? 0 : 1);
    }

    /** The indent of a token that starts a line, whether or not its separator asked for one. */
    private int lineDepth(Token token) {
        return token == null || sep(token) == Sep.NEWLINE ? depth(token) : continuationDepth(token);
    }

    // ---------------------------------------------------------------------------------------
    // Second pass: lines

    private String render() {
        for (Token token : tokens) {
            if (isComment(token)) {
                comment(token);
            } else if (!dropped[token.getTokenIndex()]) {
                significant(token);
            }
            previous = token;
        }
        out.close();
        return out.render();
    }

    private void significant(Token token) {
        Sep sep = sep(token);
        if (out.isOpen() && sep != Sep.NEWLINE) {
            boolean space = sep == Sep.SPACE || (afterInlineComment && !roles.tightBefore(token));
            out.append(token.getText(), space);
        } else {
            boolean blank = sep == Sep.NEWLINE && blankBefore(token, token.getType() != IommuLexer.RBRACE);
            out.newLine(lineDepth(token), blank);
            out.append(token.getText(), false);
        }
        afterInlineComment = false;
        Token next = nextSignificant[token.getTokenIndex()];
        if (roles.needsEnumComma(token, next)) {
            out.append(",", false);
        }
        boolean topLevelGap = roles.closesDescription(token) || roles.endsInclude(token);
        if (topLevelGap && next != null && next.getType() == IommuLexer.IOMMU) {
            topLevelBlankPending = true;
        }
    }

    private void comment(Token comment) {
        boolean trailing = previous != null && comment.getLine() == endLine(previous) && out.isOpen();
        if (trailing && isLineComment(comment)) {
            out.endWithComment(Comments.normalize(comment.getText(), 0));
            return;
        }
        if (trailing) {
            out.appendComment(Comments.normalize(comment.getText(), 0));
            afterInlineComment = true;
            return;
        }
        Token next = nextSignificant[comment.getTokenIndex()];
        boolean closesBlock = next != null && next.getType() == IommuLexer.RBRACE;
        int depth = closesBlock ? depth(next) + 1 : lineDepth(next);
        boolean blank = sep(next) == Sep.NEWLINE && blankBefore(comment, true);
        out.newLine(depth, blank);
        int shift = depth * Lines.INDENT_WIDTH - Comments.column(linePrefix(comment));
        out.append(Comments.normalize(comment.getText(), shift), false);
        out.close();
        afterInlineComment = false;
    }

    /**
     * Whether a line starting with {@code token} gets a blank line before it: always in the gap
     * between top-level declarations, otherwise when the source had one and the line does not
     * directly follow a <code>{</code>.
     */
    private boolean blankBefore(Token token, boolean allowed) {
        boolean pending = topLevelBlankPending;
        topLevelBlankPending = false;
        if (pending) {
            return true;
        }
        return allowed && !out.lastOpensBlock() && previous != null && token.getLine() - endLine(previous) >= 2;
    }

    /** The source text on the comment's line before it. */
    private String linePrefix(Token token) {
        int start = token.getStartIndex();
        int lineStart = start;
        while (lineStart > 0 && source.text().charAt(lineStart - 1) != '\n' && source.text().charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        return source.text().substring(lineStart, start);
    }

    private static int endLine(Token token) {
        String text = token.getText();
        int line = token.getLine();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
