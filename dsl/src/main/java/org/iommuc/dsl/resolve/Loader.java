package org.iommuc.dsl.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Text;
import org.iommuc.dsl.parse.ModelBuilder;
import org.iommuc.dsl.parse.ModelBuilder.FileDecl;
import org.iommuc.dsl.parse.ParsedFile;
import org.iommuc.dsl.parse.Parsing;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * Reads description files and the files they include, each once. An include path is relative to
 * the including file as the user named it (a symbolic link's directory, not its target's). A file
 * is identified by its real path, so one reached through a symbolic link or by two spellings is
 * read once; messages still name it as it was written. A missing file and an include cycle are
 * diagnostics at the include line.
 */
public final class Loader {

    /** Largest file accepted; a description is a few kilobytes. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private final Diagnostics diagnostics;
    private final Map<Path, FileDecl> loaded = new LinkedHashMap<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    /** The files being loaded, by identity (see {@link #identity}). */
    private final List<Path> stack = new ArrayList<>();
    /** For each file on {@link #stack}, its path as written (absolute, normalized), for messages. */
    private final List<Path> stackAsWritten = new ArrayList<>();
    /** For each file on {@link #stack}, the include that brought it in (null for a root). */
    private final List<Text> includedBy = new ArrayList<>();

    public Loader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Every file read so far, by the path shown in messages. */
    public Map<String, SourceFile> sources() {
        return sources;
    }

    /** Every file parsed and built without errors, in load order (includes before includers). */
    public List<FileDecl> files() {
        return new ArrayList<>(loaded.values());
    }

    /**
     * Loads a file named by the user, and what it includes.
     *
     * @return the file's declarations, or null when it could not be read or parsed
     */
    public FileDecl load(Path file) {
        return load(file, file.toString(), null);
    }

    /** Loads a file named by the user, shown in messages as {@code displayPath}. */
    public FileDecl load(Path file, String displayPath) {
        return load(file, displayPath, null);
    }

    /** Loads text that is not on disk (tests, stdin); includes resolve against the working directory. */
    public FileDecl loadText(String displayPath, String text) {
        SourceFile source = SourceFile.of(displayPath, text);
        sources.put(displayPath, source);
        Path location = keyOf(displayPath);
        return parseAndBuild(source, identity(location, location), location, null);
    }

    /**
     * What makes two paths the same file: the real path of the file as given (symbolic links and
     * {@code ..} resolved as the file system does), or its normalized absolute path when there is
     * none (a missing file, no permission).
     */
    private static Path identity(Path asGiven, Path normalized) {
        try {
            return asGiven.toRealPath();
        } catch (IOException | SecurityException e) {
            return normalized;
        }
    }

    /** Where text that is not on disk sits, for its includes: its path, or the working directory. */
    private static Path keyOf(String displayPath) {
        try {
            return Path.of(displayPath).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Path.of("text.iommu").toAbsolutePath();
        }
    }

    private FileDecl load(Path file, String displayPath, Text includedAt) {
        Path location = file.toAbsolutePath().normalize();
        Path key = identity(file.toAbsolutePath(), location);
        if (stack.contains(key)) {
            diagnostics.error(Code.E0004, includedAt.span(), "include cycle: " + cycle(key, location)
                    + "; include in one direction only", cycleNotes(key));
            return null;
        }
        if (loaded.containsKey(key)) {
            return loaded.get(key);
        }
        String text = read(file, displayPath, includedAt);
        if (text == null) {
            return null;
        }
        SourceFile source = SourceFile.of(displayPath, text);
        sources.put(displayPath, source);
        return parseAndBuild(source, key, location, includedAt);
    }

    /**
     * @param key the file's identity
     * @param location where the file is as the user named it; includes resolve against it
     */
    private FileDecl parseAndBuild(SourceFile source, Path key, Path location, Text includedAt) {
        Diagnostics fileDiagnostics = new Diagnostics();
        ParsedFile parsed = Parsing.parse(source, fileDiagnostics);
        diagnostics.addAll(fileDiagnostics);
        if (parsed.tree() == null || fileDiagnostics.hasErrors()) {
            return null;
        }
        FileDecl decl = ModelBuilder.build(parsed, diagnostics);
        stack.add(key);
        stackAsWritten.add(location);
        includedBy.add(includedAt);
        for (Text include : decl.includes()) {
            Path target;
            String display;
            try {
                target = location.resolveSibling(include.value());
                display = displayPathOf(source.path(), include.value());
            } catch (InvalidPathException e) {
                diagnostics.error(Code.E0003, include.span(), "cannot read included file '" + include.value()
                        + "': not a valid path (" + lowerFirst(e.getReason()) + ")");
                continue;
            }
            load(target, display, include);
        }
        stack.remove(stack.size() - 1);
        stackAsWritten.remove(stackAsWritten.size() - 1);
        includedBy.remove(includedBy.size() - 1);
        loaded.put(key, decl);
        return decl;
    }

    private String read(Path file, String displayPath, Text includedAt) {
        Span at = includedAt == null ? new Span(displayPath, 0, 0, 0, 0) : includedAt.span();
        String what = includedAt == null ? "cannot read this file" : "cannot read included file '" + includedAt.value() + "'";
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                diagnostics.error(Code.E0003, at, what + ": it is a directory");
                return null;
            }
            if (includedAt != null && Files.exists(file) && !Files.isRegularFile(file)) {
                diagnostics.error(Code.E0003, at, what + ": not a regular file");
                return null;
            }
            bytes = readAtMost(file, MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                diagnostics.error(Code.E0003, at, what + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
                return null;
            }
        } catch (NoSuchFileException e) {
            diagnostics.error(Code.E0003, at, what + ": no such file"
                    + (includedAt == null ? "" : " (looked for " + displayPath + ")"));
            return null;
        } catch (IOException | SecurityException e) {
            diagnostics.error(Code.E0003, at, what + ": " + reason(e));
            return null;
        }
        return decode(bytes, displayPath);
    }

    /** Reads up to {@code limit} bytes, so that a device or an endless pipe cannot exhaust memory. */
    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /** Why a file could not be read, in plain words (never a Java exception name). */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        return "input/output error";
    }

    private static String lowerFirst(String text) {
        return text == null || text.isEmpty() ? "unknown reason" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Strict UTF-8; the first bad byte is reported with its line and column. */
    public String decode(byte[] bytes, String displayPath) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            SourceFile partial = SourceFile.of(displayPath, prefix);
            sources.put(displayPath, partial);
            diagnostics.error(Code.E0002, partial.span(prefix.length(), prefix.length()),
                    String.format("byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8",
                            bytes[bad] & 0xFF, bad));
            return null;
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static String displayPathOf(String includer, String include) {
        Path parent = Path.of(includer).getParent();
        Path shown = parent == null ? Path.of(include) : parent.resolve(include);
        return shown.normalize().toString();
    }

    /** The cycle's file names, as written, ending with {@code again} as it is included now. */
    private String cycle(Path again, Path againAsWritten) {
        StringBuilder out = new StringBuilder();
        int start = stack.indexOf(again);
        for (int i = start; i < stack.size(); i++) {
            out.append(stackAsWritten.get(i).getFileName()).append(" -> ");
        }
        return out.append(againAsWritten.getFileName()).toString();
    }

    /** Where each file of the cycle after the first is included, in the order of the cycle. */
    private Note[] cycleNotes(Path again) {
        List<Note> notes = new ArrayList<>();
        for (int i = stack.indexOf(again) + 1; i < stack.size(); i++) {
            Text include = includedBy.get(i);
            if (include != null) {
                notes.add(new Note(include.span(), "'" + stackAsWritten.get(i).getFileName() + "' is included here"));
            }
        }
        return notes.toArray(new Note[0]);
    }
}
