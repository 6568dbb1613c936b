package org.iommuc.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read examples/ and bad/. */
public final class TestFiles {

    private TestFiles() {}

    /** The repository root: the system property iommuc.root (set by the build), else the nearest parent with examples/. */
    public static Path root() {
        String property = System.getProperty("iommuc.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no examples/ above " + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }

    /** True when golden files should be rewritten instead of compared (-Dgolden.update=true). */
    public static boolean updateGolden() {
        return Boolean.getBoolean("golden.update");
    }
}
