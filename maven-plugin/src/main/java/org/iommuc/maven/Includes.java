package org.iommuc.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The description files of a source folder, chosen by Ant-style patterns as Maven users write
 * them: {@code **} matches any number of folders (none included), {@code *} any characters but
 * {@code /}, {@code ?} one such character. Patterns match the path relative to the folder, with
 * {@code /} between names on every system.
 */
final class Includes {

    /** What is taken when no include is given. */
    static final String DEFAULT = "**/*.iommu";

    private final List<String> given;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    Includes(List<String> includes, List<String> excludes) {
        this.given = includes == null || includes.isEmpty() ? List.of(DEFAULT) : List.copyOf(includes);
        this.includes = compile(given);
        this.excludes = compile(excludes == null ? List.of() : excludes);
    }

    /** True when a relative path ({@code /}-separated) is included and not excluded. */
    boolean matches(String relative) {
        return any(includes, relative) && !any(excludes, relative);
    }

    /** The regular files under {@code folder} that match, sorted by relative path; none when it does not exist. */
    List<Path> scan(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file) && matches(relative(folder, file))) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    /** The path of {@code file} relative to {@code folder}, {@code /}-separated. */
    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** An Ant-style pattern as a regular expression. */
    static Pattern toRegex(String pattern) {
        String p = pattern.replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (p.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (p.charAt(i) == '*') {
                regex.append("[^/]*");
                i++;
            } else if (p.charAt(i) == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(p.charAt(i))));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<Pattern> compile(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            if (p != null && !p.isBlank()) {
                compiled.add(toRegex(p.strip()));
            }
        }
        return compiled;
    }

    private static boolean any(List<Pattern> patterns, String relative) {
        for (Pattern p : patterns) {
            if (p.matcher(relative).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The include patterns as given, for messages. */
    @Override
    public String toString() {
        return String.join(", ", given);
    }
}
