package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;

/** Helpers for the behaviour check tests: a small valid description to add to, and span assertions. */
final class BehaviourTesting {

    private BehaviourTesting() {}

    /**
     * A complete description with a 32-bit IOVA, one level and register BASE (the root); {@code
     * registers} go into the register block and {@code items} after the walk.
     */
    static String iommu(String registers, String items) {
        return "iommu t {\n"
                + "    iova 32;\n"
                + "    oa 32;\n"
                + "    registers {\n"
                + "        BASE 0x00 rw;\n"
                + indent(registers)
                + "    }\n"
                + "    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n"
                + "    walk {\n"
                + "        root BASE;\n"
                + "        level pt index iova 31:12 : pte leaf 4K;\n"
                + "    }\n"
                + indent(items)
                + "}\n";
    }

    private static String indent(String lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines.split("\n", -1)) {
            if (!line.isBlank()) {
                out.append("        ").append(line.strip()).append('\n');
            }
        }
        return out.toString();
    }

    static Compilation compile(String text) {
        return Frontend.compileText("t.iommu", text);
    }

    /** The diagnostics of {@code text} with {@code code}, in source order. */
    static List<Diagnostic> diagnostics(String text, Code code) {
        List<Diagnostic> found = new ArrayList<>();
        for (Diagnostic d : compile(text).diagnostics()) {
            if (d.code() == code) {
                found.add(d);
            }
        }
        return found;
    }

    /** The only diagnostic of {@code text}; fails when there are none or several. */
    static Diagnostic only(String text) {
        Compilation compilation = compile(text);
        assertThat(compilation.diagnostics()).as(compilation.render()).hasSize(1);
        return compilation.diagnostics().get(0);
    }

    /** Asserts that {@code d} has {@code code} and starts where {@code snippet} first occurs in {@code text}. */
    static void assertAt(Diagnostic d, Code code, String text, String snippet) {
        int offset = text.indexOf(snippet);
        assertThat(offset).as("snippet '%s' in the test text", snippet).isNotNegative();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        assertThat(d.code()).as("code of %s", d).isEqualTo(code);
        assertThat(d.span().line()).as("line of %s", d).isEqualTo(line);
        assertThat(d.span().column()).as("column of %s", d).isEqualTo(offset - lineStart + 1);
    }

    /** Asserts that {@code text} compiles with no diagnostics at all. */
    static void assertClean(String text) {
        Compilation compilation = compile(text);
        assertThat(compilation.render()).isEmpty();
    }
}
