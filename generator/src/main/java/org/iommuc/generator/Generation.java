package org.iommuc.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.dsl.diag.Severity;
import org.iommuc.generator.java.JavaBackend;

/**
 * Compile, report, generate, write: what {@code iommuc generate} and the Maven plugin both do
 * with a list of description files, so that both say the same thing in the same words. The
 * front end checks the files; any error stops there with the rendered diagnostics and one
 * summary line, and nothing is written. Otherwise the Java backend generates every file, and
 * only when it too has nothing to object to does {@link OutputWriter} write them.
 *
 * <p>The two steps are separate ({@link #generate}, {@link #write}) for callers that decide
 * between them, like the plugin, which skips an unchanged generation; {@link #run} does both.
 */
public final class Generation {

    private Generation() {}

    /**
     * What to generate.
     *
     * @param files the description files, in the order they are reported
     * @param displayRoot when not null, messages and the headers of generated files name
     *     description files relative to it, so that output does not depend on the working folder
     * @param outputFolder where {@link #write} puts the files
     * @param options of the Java backend
     */
    public record Request(List<Path> files, Path displayRoot, Path outputFolder, JavaOptions options) {
        public Request {
            files = List.copyOf(files);
        }
    }

    /**
     * Something to tell the user, as the command line prints it: a rendered diagnostic (its
     * header line, the source line and the caret, then its notes) or one line, ending in a
     * newline. A caller that logs by severity logs it at {@code severity}.
     */
    public record Message(Severity severity, String text) {

        /** The text as lines, without their newlines. */
        public List<String> lines() {
            return List.of(text.split("\n"));
        }
    }

    /**
     * What the front end and the backend made of the files.
     *
     * @param messages diagnostics and summary lines, in the order to show them
     * @param files the generated files; empty when there were errors
     * @param sources every file the front end read (the descriptions and what they include), by
     *     the path used in messages, sorted
     * @param ok true when there were no errors: {@link #write} may go on
     */
    public record Generated(List<Message> messages, List<GeneratedFile> files, List<String> sources, boolean ok) {
        public Generated {
            messages = List.copyOf(messages);
            files = List.copyOf(files);
            sources = List.copyOf(sources);
        }
    }

    /**
     * What {@link #run} did.
     *
     * @param generated what the front end and the backend made of the files
     * @param messages every message to show: those of {@code generated}, then a write failure
     * @param written what the writer did; null when nothing was written
     */
    public record Result(Generated generated, List<Message> messages, OutputWriter.Report written) {
        public Result {
            messages = List.copyOf(messages);
        }

        /** True when the files were generated and written. */
        public boolean succeeded() {
            return written != null;
        }
    }

    /** A write refused or failed: the one line that says why. */
    public static final class WriteFailure extends Exception {
        private static final long serialVersionUID = 1L;

        WriteFailure(String message, Throwable cause) {
            super(message, cause);
        }

        /** The line to show, as a message. */
        public Message message() {
            return new Message(Severity.ERROR, getMessage() + "\n");
        }
    }

    /** Compiles, generates and writes; see the class comment. */
    public static Result run(Request request) {
        Generated generated = generate(request);
        if (!generated.ok()) {
            return new Result(generated, generated.messages(), null);
        }
        List<Message> messages = new ArrayList<>(generated.messages());
        try {
            return new Result(generated, messages, write(generated.files(), request.outputFolder()));
        } catch (WriteFailure e) {
            messages.add(e.message());
            return new Result(generated, messages, null);
        }
    }

    /** Compiles the files and generates their sources, writing nothing. */
    public static Generated generate(Request request) {
        Compilation compilation = request.displayRoot() == null ? Frontend.compile(request.files())
                : Frontend.compile(request.files(), request.displayRoot());
        List<String> sources = new ArrayList<>(compilation.sources().keySet());
        Collections.sort(sources);
        DiagnosticRenderer renderer = new DiagnosticRenderer(compilation.sources());
        List<Message> messages = new ArrayList<>(rendered(compilation.diagnostics(), renderer));
        String summary = compilation.summary();
        if (!summary.isEmpty()) {
            Severity severity = compilation.hasErrors() ? Severity.ERROR : Severity.WARNING;
            messages.add(new Message(severity, "iommuc: " + summary + "\n"));
        }
        if (compilation.hasErrors()) {
            return new Generated(messages, List.of(), sources, false);
        }
        JavaBackend.Result result = JavaBackend.generate(compilation.descriptions(), request.options());
        if (result.hasErrors()) {
            messages.addAll(rendered(result.diagnostics(), renderer));
            messages.add(new Message(Severity.ERROR, "iommuc: " + Compilation.plural(result.diagnostics().size(), "error")
                    + "; nothing generated\n"));
            return new Generated(messages, List.of(), sources, false);
        }
        return new Generated(messages, result.files(), sources, true);
    }

    /** Writes files with an {@link OutputWriter} on {@code folder}. */
    public static OutputWriter.Report write(List<GeneratedFile> files, Path folder) throws WriteFailure {
        try {
            return new OutputWriter(folder).write(files);
        } catch (OutputWriter.Refused e) {
            throw new WriteFailure("iommuc: error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WriteFailure("iommuc: error: cannot write to " + folder + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), e);
        }
    }

    private static List<Message> rendered(List<Diagnostic> diagnostics, DiagnosticRenderer renderer) {
        List<Message> messages = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            messages.add(new Message(d.severity(), renderer.render(d)));
        }
        return messages;
    }
}
