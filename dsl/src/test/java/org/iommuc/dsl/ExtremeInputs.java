package org.iommuc.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Inputs at the limits of size and depth: 10 MB files, 10k and 100k deep nesting of every kind,
 * 100k-term operator chains and 100k-value enums. Texts are built on demand, one at a time.
 */
final class ExtremeInputs {

    /** One extreme input; its text is built only when the case runs. */
    record Extreme(String name, Supplier<String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final int TEN_MB = 10_000_000;

    private ExtremeInputs() {}

    static List<Extreme> all() {
        List<Extreme> all = new ArrayList<>();
        for (int n : new int[] {10_000, 100_000}) {
            String k = n / 1000 + "k";
            all.add(new Extreme(k + " nested parentheses", () -> inIova("(".repeat(n) + "1" + ")".repeat(n))));
            all.add(new Extreme(k + " nested braces", () -> "iommu deep " + "{".repeat(n) + "}".repeat(n) + "\n"));
            all.add(new Extreme(k + " nested brackets", () -> inIova("R" + "[".repeat(n) + "0" + "]".repeat(n))));
            all.add(new Extreme(k + " unclosed parentheses", () -> inIova("(".repeat(n) + "1")));
            all.add(new Extreme(k + " closing braces", () -> "iommu deep {" + "}".repeat(n) + "\n"));
            all.add(new Extreme(k + " times '!'", () -> inIova("!".repeat(n) + "x")));
            all.add(new Extreme(k + " times '-'", () -> inIova("-".repeat(n) + "x")));
            all.add(new Extreme(k + " times '~' on a number", () -> inIova("~".repeat(n) + "32")));
            all.add(new Extreme(k + " conditional chain", () -> inIova("a ? b : ".repeat(n) + "a")));
            all.add(new Extreme(k + " constant conditional chain", () -> inIova("0 ? 1 : ".repeat(n) + "32")));
            all.add(new Extreme(k + " terms 1+1+...", () -> inIova("1 + ".repeat(n - 1) + "1")));
            all.add(new Extreme(k + " mixed operator chain", () -> inIova(mixedChain(n))));
            all.add(new Extreme(k + " member chain a.b.c...", () -> inIova("a" + ".b".repeat(n))));
            all.add(new Extreme(k + "-value enum", () -> hugeEnum(n)));
        }
        all.add(new Extreme("10 MB valid description with 110k registers", ExtremeInputs::hugeDescription));
        all.add(new Extreme("1 MB of a repeated description", ExtremeInputs::repeatedDescription));
        all.add(new Extreme("10 MB on one line with an error at its end",
                () -> "iommu line { /*" + "c".repeat(TEN_MB) + "*/ iova UNKNOWN; }"));
        all.add(new Extreme("10 MB unterminated comment", () -> "iommu x { }\n/*" + "*".repeat(TEN_MB)));
        all.add(new Extreme("1 MB name", () -> "iommu " + "n".repeat(1 << 20) + " { iova 32; }\n"));
        all.add(new Extreme("1 MB number", () -> inIova("9".repeat(1 << 20))));
        all.add(new Extreme("1 MB hex number", () -> inIova("0x" + "F".repeat(1 << 20))));
        all.add(new Extreme("1 MB size literal", () -> inIova("9".repeat(1 << 20) + "K")));
        all.add(new Extreme("1 MB string", () -> "iommu x { compatible \"" + "s".repeat(1 << 20) + "\"; }\n"));
        all.add(new Extreme("100k unknown names", ExtremeInputs::unknownNames));
        all.add(new Extreme("100k stray characters", () -> "iommu x { }\n" + "#".repeat(100_000)));
        all.add(new Extreme("100k syntax errors on separate lines", () -> "iommu x {\n" + "} }\n".repeat(100_000)));
        return all;
    }

    private static String inIova(String expression) {
        return "iommu deep {\n    iova " + expression + ";\n}\n";
    }

    private static String mixedChain(int terms) {
        String[] ops = {" + ", " * ", " - ", " << ", " | ", " & ", " ^ ", " >> ", " / ", " % ", " == ", " && ", " || "};
        StringBuilder out = new StringBuilder("1");
        for (int i = 1; i < terms; i++) {
            out.append(ops[i % ops.length]).append(i % 7 + 1);
        }
        return out.toString();
    }

    private static String hugeEnum(int values) {
        StringBuilder out = new StringBuilder("iommu big {\n    registers {\n        R 0x0 rw {\n            F 31:0 enum {\n");
        for (int i = 0; i < values; i++) {
            out.append("                V").append(i).append(" = ").append(i).append(",\n");
        }
        return out.append("            }\n        }\n    }\n}\n").toString();
    }

    /** A valid description of about 10 MB: 110,000 registers with fields and enums. */
    static String hugeDescription() {
        StringBuilder out = new StringBuilder(TEN_MB + 200_000);
        out.append("iommu huge {\n    iova 32;\n    oa 32;\n    registers width 32 {\n");
        for (int i = 0; i < 110_000; i++) {
            out.append(String.format("        R%06d 0x%06X rw reset 0 { EN 0; MODE 3:1 enum { OFF = 0, ON = 1 }; ADDR 31:12; }%n",
                    i, i * 4));
        }
        return out.append("    }\n}\n").toString();
    }

    /** The same small description 10,000 times: every copy after the first is a duplicate. */
    private static String repeatedDescription() {
        String description = "iommu copy {\n    iova 32;\n    registers { R 0x0 rw { A 0; B 7:1 enum { X = 0, Y = 1 }; } }\n}\n";
        return description.repeat((1 << 20) / description.length());
    }

    private static String unknownNames() {
        StringBuilder out = new StringBuilder("iommu names {\n    iova 32;\n    registers {\n");
        for (int i = 0; i < 100_000; i++) {
            out.append("        R").append(i).append(' ').append(i * 4).append(" rw reset UNKNOWN_").append(i % 97).append(";\n");
        }
        return out.append("    }\n}\n").toString();
    }
}
