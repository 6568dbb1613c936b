package org.iommuc.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iommuc.generator.GeneratedFile;

/**
 * What one generation was made from and what it wrote, kept in the output folder next to the
 * generated sources, so that the next build can tell whether anything changed: the code of
 * iommuc, the options, the description files, every file the front end read (descriptions and
 * what they include) and every file written, each with its SHA-256. One line per item, a tab
 * between fields; the first line is the iommuc marker, so the output writer owns the file.
 *
 * @param code the plugin's version and the fingerprint of its code
 * @param options the options that shape the output, as one line
 * @param descriptions the description files asked for, by the paths used in messages
 * @param inputs every file read, by the path used in messages (relative to the base folder)
 * @param outputs every file written, by its path relative to the output folder
 */
record Stamp(String code, String options, List<String> descriptions, List<Item> inputs, List<Item> outputs) {

    /** The first line. */
    static final String HEADER = GeneratedFile.MARKER
            + "-maven-plugin: the inputs and outputs of the last generation in this folder. Do not edit.";

    /** A file and its fingerprint. */
    record Item(String path, String fingerprint) {}

    Stamp {
        descriptions = List.copyOf(descriptions);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The stamp's name for one plugin execution, so that executions sharing a folder keep apart. */
    static String fileName(String executionId) {
        String id = executionId == null || executionId.isEmpty() ? "default" : executionId;
        return ".iommuc-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".stamp";
    }

    String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("code\t").append(code).append('\n');
        out.append("options\t").append(options).append('\n');
        for (String d : descriptions) {
            out.append("description\t").append(d).append('\n');
        }
        for (Item i : inputs) {
            out.append("input\t").append(i.path()).append('\t').append(i.fingerprint()).append('\n');
        }
        for (Item o : outputs) {
            out.append("output\t").append(o.path()).append('\t').append(o.fingerprint()).append('\n');
        }
        return out.toString();
    }

    /** The stamp in a file; empty when there is none or it cannot be read as one. */
    static Optional<Stamp> read(Path file) {
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Stamp> parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].equals(HEADER)) {
            return Optional.empty();
        }
        String code = null;
        String options = null;
        List<String> descriptions = new ArrayList<>();
        List<Item> inputs = new ArrayList<>();
        List<Item> outputs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            switch (f[0]) {
                case "code" -> code = f.length == 2 ? f[1] : null;
                case "options" -> options = f.length == 2 ? f[1] : null;
                case "description" -> descriptions.add(f.length == 2 ? f[1] : "");
                case "input" -> inputs.add(f.length == 3 ? new Item(f[1], f[2]) : new Item("", ""));
                case "output" -> outputs.add(f.length == 3 ? new Item(f[1], f[2]) : new Item("", ""));
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (code == null || options == null) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(code, options, descriptions, inputs, outputs));
    }

    /**
     * Why the generation this stamp records is out of date, in a few words; null when it is
     * current: same code, options and description files, and every input and output still as
     * it was.
     *
     * @param base the folder input paths are relative to
     * @param outputFolder the folder output paths are relative to
     */
    String staleness(String currentCode, String currentOptions, List<String> currentDescriptions, Path base,
            Path outputFolder) {
        if (!code.equals(currentCode)) {
            return "iommuc changed";
        }
        if (!options.equals(currentOptions)) {
            return "the options changed";
        }
        if (!descriptions.equals(currentDescriptions)) {
            return descriptionsChange(currentDescriptions);
        }
        for (Item i : inputs) {
            if (!i.fingerprint().equals(Fingerprints.ofFile(base.resolve(i.path())))) {
                return i.path() + " changed";
            }
        }
        for (Item o : outputs) {
            if (!o.fingerprint().equals(Fingerprints.ofFile(outputFolder.resolve(o.path())))) {
                return "generated file " + o.path() + " was changed or removed";
            }
        }
        return null;
    }

    private String descriptionsChange(List<String> current) {
        for (String d : current) {
            if (!descriptions.contains(d)) {
                return d + " is new";
            }
        }
        for (String d : descriptions) {
            if (!current.contains(d)) {
                return d + " is gone";
            }
        }
        return "the descriptions are in a different order";
    }

    /** The outputs of this stamp that {@code files} no longer has. */
    List<String> outputsNotIn(List<GeneratedFile> files) {
        List<String> now = new ArrayList<>();
        for (GeneratedFile f : files) {
            now.add(f.path());
        }
        List<String> gone = new ArrayList<>();
        for (Item o : outputs) {
            if (!now.contains(o.path())) {
                gone.add(o.path());
            }
        }
        return gone;
    }
}
