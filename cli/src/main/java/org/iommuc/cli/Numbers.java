package org.iommuc.cli;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

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

    /** The language's NUMBER token (Iommu.g4): ASCII digits only, '_' anywhere after the first digit. */
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F][0-9a-fA-F_]*");
    private static final Pattern BINARY = Pattern.compile("0[bB][01][01_]*");
    private static final Pattern DECIMAL = Pattern.compile("[0-9][0-9_]*");

    /**
     * Parses {@code text} as the language writes a number: {@code 0x} or {@code 0X} and hex
     * digits, {@code 0b} or {@code 0B} and binary digits, or decimal digits; ASCII digits only,
     * {@code _} allowed anywhere after the first digit ({@code 0x_1} is not a number). No sign.
     *
     * @param what names the number in messages ("--oa", "value of aci")
     */
    static long parse(String text, String what) throws BadNumber {
        int radix;
        String digits;
        if (HEX.matcher(text).matches()) {
            radix = 16;
            digits = text.substring(2);
        } else if (BINARY.matcher(text).matches()) {
            radix = 2;
            digits = text.substring(2);
        } else if (DECIMAL.matcher(text).matches()) {
            radix = 10;
            digits = text;
        } else {
            throw new BadNumber(what + " '" + text + "' is not a number (write 4096, 0x1000 or 0b1010: "
                    + "ASCII digits, '_' allowed after the first digit)");
        }
        BigInteger value = new BigInteger(digits.replace("_", ""), radix);
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
