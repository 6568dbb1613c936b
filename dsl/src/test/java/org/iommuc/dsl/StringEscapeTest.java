package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A string knows four escapes, \n, \t, \" and \\ (docs/language.md); any other is an error at its backslash. */
class StringEscapeTest {

    private static String compile(String strings) {
        return Frontend.compileText("s.iommu", "iommu x {\n    iova 32;\n    oa 32;\n    compatible " + strings + ";\n"
                + "    registers { BASE 0x00 rw; }\n    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n"
                + "    walk { root BASE; level pt index iova 31:12 : pte leaf 4K; }\n}\n").render();
    }

    @Test
    void theFourEscapesAreAccepted() {
        assertThat(compile("\"a\\n\\t\\\"\\\\b\", \"\\\\q\"")).isEmpty();
    }

    @Test
    void anUnknownEscapeIsAnErrorAtItsBackslash() {
        assertThat(compile("\"ab\\q\"")).isEqualTo("""
                s.iommu:4:19: error[E0001]: unknown escape '\\q' in a string; the escapes are \\n, \\t, \\" and \\\\
                    4 |     compatible "ab\\q";
                      |                   ^^
                """);
    }

    @Test
    void everyUnknownEscapeIsReportedAndTheRestStillParses() {
        String rendered = compile("\"\\a\\\\\\b\", \"\\\u00e9\", \"\\\uD83D\uDE00\"");
        assertThat(rendered).contains("4:17: error[E0001]: unknown escape '\\a'", "4:21: error[E0001]: unknown escape '\\b'",
                "4:27: error[E0001]: unknown escape '\\\u00e9'", "4:33: error[E0001]: unknown escape '\\\uD83D\uDE00'");
        assertThat(rendered.split("error\\[", -1)).hasSize(5);
    }

    @Test
    void aControlCharacterAfterABackslashIsNamedByItsCodePoint() {
        assertThat(compile("\"\\\u0001\"")).startsWith(
                "s.iommu:4:17: error[E0001]: unknown escape '\\' followed by U+0001 in a string");
    }

    @Test
    void atMostTwentyAreReported() {
        String rendered = compile("\"" + "\\q".repeat(30) + "\"");
        assertThat(rendered.split("error\\[E0001\\]", -1)).hasSize(21);
    }
}
