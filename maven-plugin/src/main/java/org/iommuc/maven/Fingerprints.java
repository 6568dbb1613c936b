package org.iommuc.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** SHA-256 fingerprints of files and of the code that generates, for the {@link Stamp}. */
final class Fingerprints {

    private Fingerprints() {}

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The fingerprint of a file's content, or null when it cannot be read. */
    static String ofFile(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * The fingerprint of the code of the jars (or class folders) the classes were loaded from:
     * every entry by name and content, outside META-INF, so that a rebuilt jar of the same code
     * has the same fingerprint and a changed generator a different one (a SNAPSHOT keeps its
     * version while its code changes). A class whose code cannot be found adds its name only.
     */
    static String ofCode(Class<?>... anchors) {
        MessageDigest digest = digest();
        for (Class<?> anchor : anchors) {
            digest.update(anchor.getName().getBytes(StandardCharsets.UTF_8));
            Path location = location(anchor);
            if (location == null) {
                continue;
            }
            try {
                if (Files.isDirectory(location)) {
                    addFolder(digest, location);
                } else {
                    addJar(digest, location);
                }
            } catch (IOException e) {
                digest.update(("unreadable " + location).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path location(Class<?> anchor) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static void addJar(MessageDigest digest, Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = zip.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
            }
        }
    }

    private static void addFolder(MessageDigest digest, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = Includes.relative(folder, file);
                if (!name.startsWith("META-INF/")) {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
