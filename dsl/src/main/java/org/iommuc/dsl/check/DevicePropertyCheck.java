package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.DtOption;
import org.iommuc.dsl.model.Text;

/**
 * Reports a device-tree property name, in an {@code option} or {@code banks} item, that is empty
 * or holds a character property names do not use (the Devicetree Specification allows digits,
 * letters and {@code , . _ + ? # -}).
 */
final class DevicePropertyCheck implements Check {

    private static final String PUNCTUATION = ",._+?#-";

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (DtOption o : description.options()) {
            property(o.property(), "option " + o.name().text(), "\"rockchip,disable-mmu-reset\"", diagnostics);
        }
        description.banks().ifPresent(b -> property(b.property(), "the banks", "\"reg\"", diagnostics));
    }

    private static void property(Text property, String owner, String example, Diagnostics diagnostics) {
        String value = property.value();
        if (value.isEmpty()) {
            diagnostics.error(Code.E0106, property.span(), "the device-tree property of " + owner
                    + " is empty; name the property, as in " + example);
            return;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isPropertyCharacter(c)) {
                diagnostics.error(Code.E0106, property.span(), "the device-tree property " + quoted(value) + " of "
                        + owner + " holds " + describe(c) + ", which property names do not use (digits, letters and "
                        + PUNCTUATION + " only)");
                return;
            }
            i += Character.charCount(c);
        }
    }

    private static boolean isPropertyCharacter(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || PUNCTUATION.indexOf(c) >= 0;
    }

    private static String describe(int c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("the control character U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    /** The value as a string literal of the language, so that no character of it breaks the message's line. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("<U+%04X>", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
