package org.iommuc.dsl.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code examples/test-vectors.txt}: a named vector, the description it applies to,
 * the iommuc command (after the file) and what it must give.
 */
public record TestVector(String name, String file, List<String> command, String expected, int line) {

    public static List<TestVector> load(Path vectorsFile) throws IOException {
        List<TestVector> vectors = new ArrayList<>();
        List<String> lines = Files.readAllLines(vectorsFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+\\|\\s+");
            if (parts.length != 4) {
                throw new IllegalArgumentException(vectorsFile + ":" + (i + 1) + ": expected 4 '|'-separated parts");
            }
            List<String> command = Arrays.asList(parts[2].strip().split("\\s+"));
            vectors.add(new TestVector(parts[0].strip(), parts[1].strip(), command, parts[3].strip(), i + 1));
        }
        return vectors;
    }

    public String verb() {
        return command.get(0);
    }

    /** The expected NAME=VALUE pairs of a decode or index vector. */
    public Map<String, String> expectedPairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : expected.split("\\s+")) {
            int eq = pair.indexOf('=');
            pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return pairs;
    }

    /** A number as the vectors write it (0x... with optional underscores). */
    public static long number(String text) {
        String t = text.replace("_", "");
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
    }

    @Override
    public String toString() {
        return name;
    }
}
