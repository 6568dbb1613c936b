package org.iommuc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iommuc.generator.AtomicFiles;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.fmt.Formatter;
import org.iommuc.dsl.resolve.Loader;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iommuc fmt [--check] FILE...}: puts descriptions into the canonical layout, in place.
 *
 * <p>A file is rewritten only when its layout changes, through a temporary file and an atomic
 * move, keeping its permissions; a file with several hard links is rewritten in place instead,
 * so that every link sees the new layout (not atomic: see {@link AtomicFiles}). A file that does
 * not parse is left alone and its diagnostics printed. With {@code --check} nothing is written: each file that would change is listed on
 * standard output as {@code FILE: would reformat}. {@code -} formats standard input to standard
 * output. Exit status: 0 done (or, with {@code --check}, nothing would change), 1 a file would
 * change, does not parse or cannot be read or written, 2 wrong usage, 3 an internal failure.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Put descriptions into the canonical layout, in place (comments are kept).",
            "With --check, only list the files that would change. '-' formats standard input to standard output."})
final class FmtCommand implements Callable<Integer> {

    static final String STDIN = "-";
    private static final String STDIN_NAME = "<stdin>";

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Write nothing; list each file that would change and exit 1 if any would.")
    boolean check;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Description files (.iommu), or '-' for standard input.")
    List<String> files;

    private final AtomicFiles writer = new AtomicFiles();

    @Override
    public Integer call() {
        if (files.contains(STDIN)) {
            if (files.size() > 1) {
                throw new ParameterException(spec.commandLine(), "'-' (standard input) cannot be combined with files");
            }
            return standardInput(System.in);
        }
        int status = Main.OK;
        for (String file : files) {
            status = Math.max(status, file(file));
        }
        return status;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int standardInput(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return cannot("read standard input", e);
        }
        Formatter.Result result = format(STDIN_NAME, bytes);
        if (result == null || !result.ok()) {
            return failed(result);
        }
        if (check) {
            return wouldReformat(STDIN_NAME, bytes, result);
        }
        out().print(result.formatted().get());
        out().flush();
        return Main.OK;
    }

    private int file(String name) {
        Path path = Path.of(name);
        byte[] bytes = read(path, name);
        if (bytes == null) {
            return Main.ERRORS;
        }
        Formatter.Result result = format(name, bytes);
        if (result == null || !result.ok()) {
            return failed(result);
        }
        if (check) {
            return wouldReformat(name, bytes, result);
        }
        byte[] formatted = result.formatted().get().getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(bytes, formatted)) {
            return Main.OK;
        }
        try {
            writer.replace(path, formatted);
        } catch (IOException | SecurityException e) {
            return cannot("write '" + name + "'", e);
        }
        return Main.OK;
    }

    private int wouldReformat(String name, byte[] bytes, Formatter.Result result) {
        if (Arrays.equals(bytes, result.formatted().get().getBytes(StandardCharsets.UTF_8))) {
            return Main.OK;
        }
        out().println(name + ": would reformat");
        out().flush();
        return Main.ERRORS;
    }

    /** The file's bytes, or null after reporting why they cannot be read. */
    private byte[] read(Path path, String name) {
        Diagnostics diagnostics = new Diagnostics();
        Span at = new Span(name, 0, 0, 0, 0);
        try {
            if (Files.isDirectory(path)) {
                diagnostics.error(Code.E0003, at, "cannot read '" + name + "': it is a directory");
            } else if (Files.size(path) > Loader.MAX_FILE_BYTES) {
                diagnostics.error(Code.E0003, at, "cannot read '" + name + "': larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB");
            } else {
                return Files.readAllBytes(path);
            }
        } catch (NoSuchFileException e) {
            diagnostics.error(Code.E0003, at, "cannot read '" + name + "': no such file");
        } catch (IOException | SecurityException e) {
            diagnostics.error(Code.E0003, at, "cannot read '" + name + "': " + reason(e));
        }
        err().print(new DiagnosticRenderer(Map.of()).render(diagnostics.sorted()));
        err().flush();
        return null;
    }

    /** The formatting of some bytes, or null after reporting that they are not UTF-8. */
    private Formatter.Result format(String name, byte[] bytes) {
        Diagnostics diagnostics = new Diagnostics();
        Loader loader = new Loader(diagnostics);
        String text = loader.decode(bytes, name);
        if (text == null) {
            err().print(new DiagnosticRenderer(loader.sources()).render(diagnostics.sorted()));
            err().println("iommuc: '" + name + "' not formatted (it is not UTF-8 text)");
            err().flush();
            return null;
        }
        return Formatter.format(SourceFile.of(name, text));
    }

    private int failed(Formatter.Result result) {
        if (result == null) {
            return Main.ERRORS;
        }
        err().print(result.render());
        boolean internal = result.diagnostics().stream().anyMatch(d -> d.code() == Code.E0900);
        long errors = result.diagnostics().stream().filter(d -> d.isError()).count();
        err().println("iommuc: '" + result.source().path() + "' not formatted (" + Reporting.plural(errors, "error") + ")");
        err().flush();
        return internal ? Main.INTERNAL : Main.ERRORS;
    }

    private int cannot(String what, Exception e) {
        err().println("iommuc: cannot " + what + ": " + reason(e) + "; nothing was changed");
        err().flush();
        return Main.ERRORS;
    }

    /** Why a file operation failed, in words ("permission denied", "file name too long"). */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file" + (missing.getFile() == null ? "" : " (" + missing.getFile() + ")");
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            String why = f.getReason().strip();
            return Character.toLowerCase(why.charAt(0)) + why.substring(1);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
