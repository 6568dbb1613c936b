package org.iommuc.dsl.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.parse.Parsing;
import org.iommuc.dsl.parser.IommuLexer;

/**
 * Proof that formatting lost nothing: the significant tokens and the comments of the output are
 * those of the input, in the same order, up to the two changes the canonical layout makes (a comma
 * after the last enumerated value, no {@code ;} after an enum body) and whitespace inside
 * comments at line ends and line starts.
 */
final class Lossless {

    private record Item(int type, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private Lossless() {}

    /** Empty when {@code output} carries the same tokens as {@code input}; else what differs. */
    static Optional<String> difference(String input, String output) {
        List<Item> before = items(input);
        List<Item> after = items(output);
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            if (!before.get(i).equals(after.get(i))) {
                return Optional.of("token " + (i + 1) + " was '" + before.get(i) + "' and became '" + after.get(i) + "'");
            }
        }
        if (before.size() != after.size()) {
            return Optional.of("the input has " + before.size() + " tokens and the output " + after.size());
        }
        return Optional.empty();
    }

    private static List<Item> items(String text) {
        IommuLexer lexer = new IommuLexer(Parsing.charStream(text, "<text>"));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            tokens.add(token);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (isOptionalComma(tokens, i) || isOptionalSemi(tokens, i)) {
                continue;
            }
            boolean comment = token.getType() == IommuLexer.LINE_COMMENT || token.getType() == IommuLexer.DOC
                    || token.getType() == IommuLexer.BLOCK_COMMENT;
            items.add(new Item(token.getType(), comment ? Comments.comparable(token.getText()) : token.getText()));
        }
        return items;
    }

    /** A comma followed, comments aside, by <code>}</code>: only an enum body allows one. */
    private static boolean isOptionalComma(List<Token> tokens, int i) {
        if (tokens.get(i).getType() != IommuLexer.COMMA) {
            return false;
        }
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(j).getType() == IommuLexer.RBRACE;
            }
        }
        return false;
    }

    /** A {@code ;} preceded, comments aside, by <code>}</code>: only an enum body allows one. */
    private static boolean isOptionalSemi(List<Token> tokens, int i) {
        if (tokens.get(i).getType() != IommuLexer.SEMI) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(j).getType() == IommuLexer.RBRACE;
            }
        }
        return false;
    }
}
