package org.iommuc.generator.java;

import java.util.Locale;

/** Java literals for the numbers of a description, written as a person would write them. */
final class Literals {

    private Literals() {}

    /** A number: small ones in decimal, larger ones in hex; {@code L} when it does not fit an int. */
    static String number(long value) {
        if (value >= 0 && value < 256) {
            return Long.toString(value);
        }
        return hex(value);
    }

    /** A number in hex: {@code 0xFFFFF000L}; 64-bit values grouped by four digits. */
    static String hex(long value) {
        String digits = Long.toHexString(value).toUpperCase(Locale.ROOT);
        if (digits.length() > 8) {
            StringBuilder grouped = new StringBuilder();
            int first = digits.length() % 4 == 0 ? 4 : digits.length() % 4;
            grouped.append(digits, 0, first);
            for (int i = first; i < digits.length(); i += 4) {
                grouped.append('_').append(digits, i, i + 4);
            }
            digits = grouped.toString();
        }
        return "0x" + digits + (fitsInt(value) ? "" : "L");
    }

    /** A number that must be a long even when small (the left side of a shift, say). */
    static String longNumber(long value) {
        String text = number(value);
        return text.endsWith("L") ? text : text + "L";
    }

    /** A duration in nanoseconds, grouped by thousands: {@code 100_000}. */
    static String decimal(long value) {
        String digits = Long.toUnsignedString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('_');
            }
            out.append(digits.charAt(i));
        }
        return out + (fitsInt(value) ? "" : "L");
    }

    /** True for values Java writes as a non-negative int literal. */
    static boolean fitsInt(long value) {
        return value >= 0 && value <= Integer.MAX_VALUE;
    }
}
