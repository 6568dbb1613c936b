package org.iommuc.generator.java;

/**
 * Text from a description made safe for generated Java comments. A doc string or a file name can
 * hold anything, and must never end the comment ({@code * /}), start a unicode escape that Java
 * decodes even inside comments (backslash, u, 000a is a line break to the compiler), open a Javadoc
 * tag ({@code @return}, <code>{&#64;code</code>) or inject HTML. Everything that could is written
 * as an HTML entity, which Javadoc shows as the original character.
 */
final class Docs {

    private Docs() {}

    /**
     * Javadoc text: escaped, a blank line starts a new paragraph ({@code <p>}). Long lines are
     * wrapped when the file is rendered.
     */
    static String javadoc(String text) {
        return paragraphs(escape(text.strip()));
    }

    /** One piece of Javadoc text, escaped but neither stripped nor wrapped (to join with markup). */
    static String text(String text) {
        return escape(text);
    }

    /** Javadoc already escaped and joined with markup: paragraphs and wrapping only. */
    static String markup(String escaped) {
        return paragraphs(escaped.strip());
    }

    /**
     * Inline code: {@code {@code text}}, or, when the text holds what {@code {@code}} cannot
     * show safely (a brace, a comment end, a backslash, an at sign), {@code <code>} with entities.
     */
    static String code(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        boolean plain = oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '{' && c != '}' && c != '\\'
                && c != '@') && !oneLine.contains("*/");
        return plain ? "{@code " + oneLine + "}" : "<code>" + escape(oneLine) + "</code>";
    }

    /** One line for a {@code //} comment: no line break, no unicode escape, no control character. */
    static String lineComment(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (isBreakOrControl(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\n");
                case '\n' -> out.append('\n');
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> out.append(isBreakOrControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Blank lines become paragraph breaks. */
    private static String paragraphs(String text) {
        return text.replaceAll("\n[ \t]*\n+", "\n<p>");
    }

    /** Line breaks Java or an editor may see (NEL, LS, PS), and other control characters. */
    private static boolean isBreakOrControl(char c) {
        return c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
