package org.iommuc.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A directory of description files for one seed, to fuzz the loader: the examples and two other
 * corpus files, often mutated, under their own names (so {@code include "rockchip-v1.iommu"} finds a mutated base), random include
 * lines, include cycles, includes of missing files, directories, binary files, invalid UTF-8
 * (overlong forms, lone continuation bytes, encoded surrogates, truncated sequences) and a BOM.
 */
final class FuzzFiles {

    /** What to compile: the files named on the command line, and how messages name them. */
    record FileCase(List<Path> roots, Path displayRoot, String how) {}

    /** Byte sequences that strict UTF-8 decoding must refuse. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xC0, 0xAF), bytes(0xC0, 0x80), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0x80), bytes(0xBF), bytes(0x80, 0x80, 0x80), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
            bytes(0xFE), bytes(0xFF), bytes(0xE2, 0x82), bytes(0xC3));

    private static final List<String> EXTRA_NAMES = List.of(
            "binary.iommu", "invalid-utf8.iommu", "empty.iommu", "bom.iommu", "dir.iommu", "cycle-a.iommu",
            "cycle-b.iommu", "self.iommu", "missing.iommu", "sub/../rockchip-v1.iommu");

    private FuzzFiles() {}

    static FileCase write(long seed, Path dir, FuzzInputs inputs) throws IOException {
        Random random = new Random(~seed);
        List<String> how = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FuzzInputs.CorpusFile> files = new ArrayList<>(inputs.examples());
        for (int i = 0; i < 2; i++) {
            FuzzInputs.CorpusFile other = FuzzInputs.pick(random, inputs.corpus());
            if (!files.contains(other)) {
                files.add(other);
            }
        }
        for (FuzzInputs.CorpusFile file : files) {
            String name = Path.of(file.path()).getFileName().toString();
            String text = file.text();
            if (random.nextBoolean()) {
                FuzzInputs.Input mutated = inputs.mutated(random, file);
                text = mutated.text();
                how.add(name + ": " + mutated.how());
            }
            Files.writeString(dir.resolve(name), withIncludes(random, text, names), StandardCharsets.UTF_8);
            names.add(name);
        }
        writeExtras(random, dir, inputs, how);
        names.addAll(EXTRA_NAMES);
        List<Path> roots = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            roots.add(dir.resolve(FuzzInputs.pick(random, names)));
        }
        how.add("roots " + roots.stream().map(p -> p.getFileName().toString()).toList());
        return new FileCase(roots, random.nextBoolean() ? dir : null, String.join("; ", how));
    }

    /** Sometimes adds include lines naming files written before, extras or missing files. */
    private static String withIncludes(Random random, String text, List<String> earlier) {
        if (random.nextInt(3) != 0) {
            return text;
        }
        List<String> targets = new ArrayList<>(earlier);
        targets.addAll(EXTRA_NAMES);
        StringBuilder includes = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            includes.append("include \"").append(FuzzInputs.pick(random, targets)).append("\";\n");
        }
        return includes + text;
    }

    private static void writeExtras(Random random, Path dir, FuzzInputs inputs, List<String> how) throws IOException {
        Files.write(dir.resolve("binary.iommu"), FuzzInputs.randomBytes(random, random.nextInt(4096)));
        byte[] valid = FuzzInputs.pick(random, inputs.corpus()).text().getBytes(StandardCharsets.UTF_8);
        byte[] bad = FuzzInputs.pick(random, INVALID_UTF8);
        int at = random.nextInt(valid.length + 1);
        Files.write(dir.resolve("invalid-utf8.iommu"), concat(slice(valid, 0, at), bad, slice(valid, at, valid.length)));
        how.add("invalid-utf8.iommu: " + hex(bad) + " at byte " + at);
        Files.write(dir.resolve("empty.iommu"), new byte[0]);
        Files.write(dir.resolve("bom.iommu"), concat(bytes(0xEF, 0xBB, 0xBF), valid));
        Files.createDirectories(dir.resolve("dir.iommu"));
        Files.writeString(dir.resolve("cycle-a.iommu"), "include \"cycle-b.iommu\";\niommu a { iova 32; }\n");
        Files.writeString(dir.resolve("cycle-b.iommu"), "include \"cycle-a.iommu\";\niommu b extends a { oa 32; }\n");
        Files.writeString(dir.resolve("self.iommu"), "include \"self.iommu\";\niommu self { }\n");
    }

    /** Every file of a case as one text (what the input says, for the stack-trace check). */
    static String allText(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append(FuzzInputs.lenientUtf8(Files.readAllBytes(p)));
            }
        }
        return out.toString();
    }

    /** Copies a failing case's directory for reproduction. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b & 0xFF));
        }
        return out.toString().trim();
    }
}
