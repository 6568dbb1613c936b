package org.iommuc.generator.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java identifiers from description names. A name is split into words (at {@code _} and where a
 * lower-case letter meets an upper-case one) and joined in the Java convention wanted:
 * {@code PAGE_FAULT} is the constant {@code PAGE_FAULT}, the method {@code pageFault} and the
 * class {@code PageFault}. A {@link Scope} hands out names that are unique in one Java
 * namespace and never a keyword: {@code new} becomes {@code new_}, a second {@code pageFault}
 * becomes {@code pageFault2}.
 */
final class JavaNames {

    private JavaNames() {}

    /** Keywords, literals and restricted identifiers: never a generated name. */
    static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "when",
            "module", "open", "exports", "requires", "_");

    /** The words of a description name: {@code rockchip_v2} is rockchip, v2; {@code lv2Link} is lv2, link. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if (c == '_' || !isAsciiLetterOrDigit(c) || boundary) {
                flush(words, word);
            }
            if (isAsciiLetterOrDigit(c)) {
                word.append(c);
            }
        }
        flush(words, word);
        return words;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** {@code PAGE_FAULT}, for constants. */
    static String constant(String name) {
        return guardStart(String.join("_", words(name)).toUpperCase(Locale.ROOT), "X_");
    }

    /** {@code pageFault}, for methods. */
    static String method(String name) {
        List<String> words = words(name);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            out.append(i == 0 ? w : joint(out, w) + capitalize(w));
        }
        return guardStart(out.toString(), "x");
    }

    /** {@code PageFault}, for classes; {@code verisilicon_iommu_1_2} is {@code VerisiliconIommu1_2}. */
    static String type(String name) {
        StringBuilder out = new StringBuilder();
        for (String w : words(name)) {
            out.append(joint(out, w)).append(capitalize(w.toLowerCase(Locale.ROOT)));
        }
        return guardStart(out.toString(), "X");
    }

    /** Keeps digits of two words apart: 1_2 stays 1_2 rather than becoming 12. */
    private static String joint(CharSequence before, String next) {
        boolean digitMeetsDigit = before.length() > 0 && Character.isDigit(before.charAt(before.length() - 1))
                && !next.isEmpty() && Character.isDigit(next.charAt(0));
        return digitMeetsDigit ? "_" : "";
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String guardStart(String name, String prefix) {
        if (name.isEmpty()) {
            return prefix + "1";
        }
        return Character.isDigit(name.charAt(0)) ? prefix + name : name;
    }

    /**
     * The names taken in one Java namespace (the members of a class, the classes of a package).
     * Names are handed out in the order asked, so the same description always gets the same names.
     */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        Scope(Set<String> reserved) {
            taken.addAll(reserved);
        }

        Scope() {
            this(Set.of());
        }

        /** Marks a name as taken (a fixed name such as a hook, or a statically imported constant). */
        Scope reserve(String name) {
            taken.add(name);
            return this;
        }

        boolean isTaken(String name) {
            return taken.contains(name) || RESERVED.contains(name);
        }

        /**
         * {@code suggestion} if free; a keyword gets an underscore ({@code new_}); a name taken
         * gets a number, after an underscore where it would otherwise merge with the name
         * ({@code pageFault2}, {@code STATUS_SLOT_2}, {@code onWriteCmdOpIs1_2}).
         */
        String allocate(String suggestion) {
            String name = RESERVED.contains(suggestion) ? suggestion + "_" : suggestion;
            boolean constant = name.equals(name.toUpperCase(Locale.ROOT));
            String separator = constant || Character.isDigit(name.charAt(name.length() - 1)) ? "_" : "";
            String candidate = name;
            for (int n = 2; isTaken(candidate); n++) {
                candidate = name + separator + n;
            }
            taken.add(candidate);
            return candidate;
        }
    }
}
