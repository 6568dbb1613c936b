package org.iommuc.dsl.check;

import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.Diagnostic;

/** Small descriptions for check tests: a valid two-level Rockchip-like base with parts replaced. */
final class StructureTexts {

    private StructureTexts() {}

    static final String REGISTERS = "        BASE 0x00 rw;\n";
    static final String FORMATS = """
                format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
            """;
    static final String LEVELS = """
                    level dt index iova 31:22 : dte table;
                    level pt index iova 21:12 : pte leaf 4K;
            """;

    /**
     * A description with these registers, formats and walk members (root BASE comes first). Line
     * numbers: line 1 is "iommu t {", registers start on line 5.
     */
    static String description(String oa, String registers, String formats, String walk) {
        return "iommu t {\n"
                + "    iova 32;\n"
                + "    oa " + oa + ";\n"
                + "    registers {\n"
                + registers
                + "    }\n"
                + formats
                + "    walk {\n"
                + "        root BASE;\n"
                + walk
                + "    }\n"
                + "}\n";
    }

    static String withRegisters(String registers) {
        return description("32", REGISTERS + registers, FORMATS, LEVELS);
    }

    static String withFormats(String oa, String formats) {
        return description(oa, REGISTERS, formats, LEVELS);
    }

    static String withWalk(String formats, String walk) {
        return description("36", REGISTERS, formats, walk);
    }

    static List<Diagnostic> diagnostics(String text) {
        Compilation compilation = Frontend.compileText("t.iommu", text);
        return compilation.diagnostics();
    }

    /** 1-based line and column of the first occurrence of {@code needle} in {@code text}. */
    static int[] position(String text, String needle) {
        int index = text.indexOf(needle);
        if (index < 0) {
            throw new IllegalArgumentException("'" + needle + "' is not in the text");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    /** The diagnostics of one code, in source order. */
    static List<Diagnostic> withCode(List<Diagnostic> diagnostics, String code) {
        return diagnostics.stream().filter(d -> d.code().name().equals(code)).toList();
    }
}
