package org.iommuc.cli;

import java.math.BigInteger;
import java.util.Locale;

/** Numbers as users type them: 0x1234_5678, 0b1010, 4096. */
final class Numbers {

    private Numbers() {}

    /** Thrown for text that is not an unsigned 64-bit number; the message says why. */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber(String message) {
            super(message);
        }
    }

    static long parse(String text, String what) throws BadNumber {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        }
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            throw new BadNumber(what + " '" + text + "' is not a number");
        }
        BigInteger value;
        try {
            value = new BigInteger(t, radix);
        } catch (NumberFormatException e) {
            throw new BadNumber(what + " '" + text + "' is not a number");
        }
        if (value.bitLength() > 64) {
            throw new BadNumber(what + " '" + text + "' does not fit in 64 bits");
        }
        return value.longValue();
    }

    /** {@code 0x} and upper-case hex digits, zero-padded to {@code bits / 4} digits. */
    static String hex(long value, int bits) {
        String digits = Long.toHexString(value).toUpperCase(Locale.ROOT);
        int width = Math.max(1, (bits + 3) / 4);
        return "0x" + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** {@code 0x} and upper-case hex digits, no padding. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
