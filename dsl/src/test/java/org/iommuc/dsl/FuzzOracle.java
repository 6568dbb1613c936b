package org.iommuc.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * What must hold for any input, however broken: the front end returns a {@link Compilation}
 * within a time bound, rendering it does not throw, every diagnostic points into a file it read
 * (or is about a whole file by design), and nothing looks like a stack trace.
 */
final class FuzzOracle {

    /** Diagnostics about a whole file or the whole run, which have no line to point at. */
    static final Set<Code> SPANLESS = Set.of(Code.E0003, Code.E0005, Code.E0008);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "fuzz-worker");
        thread.setDaemon(true);
        return thread;
    });

    private FuzzOracle() {}

    /** How one compilation went: its result, or what it threw, or that it ran out of time. */
    record Outcome(Compilation compilation, Throwable thrown, boolean timedOut, long nanos) {}

    /** Runs a compilation on a worker and waits at most {@code bound} for it. */
    static Outcome run(Callable<Compilation> compile, Duration bound) {
        long start = System.nanoTime();
        Future<Compilation> future = WORKERS.submit(compile);
        try {
            Compilation c = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(c, null, false, System.nanoTime() - start);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(null, null, true, System.nanoTime() - start);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause(), false, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, e, false, System.nanoTime() - start);
        }
    }

    /** Every broken property of an outcome; empty when the front end behaved. */
    static List<String> problems(Outcome outcome, Duration bound, String input) {
        List<String> problems = new ArrayList<>();
        if (outcome.timedOut()) {
            problems.add("took longer than " + bound.toMillis() + " ms");
            return problems;
        }
        if (outcome.thrown() != null) {
            problems.add("threw " + outcome.thrown() + stackTop(outcome.thrown()));
            return problems;
        }
        Compilation c = outcome.compilation();
        if (c == null) {
            problems.add("returned null");
            return problems;
        }
        String rendered = render(c, problems);
        for (Diagnostic d : c.diagnostics()) {
            diagnostic(c, d, problems);
        }
        if (c.hasErrors() == (c.stoppedAfter() == Phase.DONE)) {
            problems.add("errors: " + c.hasErrors() + " but stopped after " + c.stoppedAfter());
        }
        if (c.hasErrors() && !c.descriptions().isEmpty()) {
            problems.add("descriptions returned although there are errors");
        }
        if (!c.hasErrors() && c.descriptions().isEmpty()) {
            problems.add("neither errors nor descriptions");
        }
        if (rendered.contains("\tat ") || (rendered.contains("Exception") && !input.contains("Exception"))) {
            problems.add("rendering looks like a stack trace or names an exception:\n" + rendered);
        }
        return problems;
    }

    private static String render(Compilation c, List<String> problems) {
        try {
            String rendered = c.render();
            if (rendered.isEmpty() != c.diagnostics().isEmpty()) {
                problems.add(rendered.isEmpty() ? "rendering is empty although there are diagnostics"
                        : "rendering is not empty although there are no diagnostics");
            }
            return rendered;
        } catch (RuntimeException | StackOverflowError e) {
            problems.add("render threw " + e + stackTop(e));
            return "";
        }
    }

    private static void diagnostic(Compilation c, Diagnostic d, List<String> problems) {
        String what = d.code() + " '" + d.message() + "'";
        if (d.message() == null || d.message().isBlank()) {
            problems.add(what + " has no message");
        }
        if (d.severity() != d.code().severity()) {
            problems.add(what + " has severity " + d.severity() + " but its code says " + d.code().severity());
        }
        String span = spanProblem(c, d.span(), SPANLESS.contains(d.code()));
        if (span != null) {
            problems.add(what + ": " + span);
        }
        for (Note note : d.notes()) {
            String noteSpan = spanProblem(c, note.span(), true);
            if (noteSpan != null) {
                problems.add(what + ", note '" + note.message() + "': " + noteSpan);
            }
        }
    }

    /** Why a span is not a place in a file that was read, or null when it is. */
    static String spanProblem(Compilation c, Span s, boolean mayBeNone) {
        if (s == null) {
            return "null span";
        }
        if (s.isNone()) {
            return mayBeNone ? null : "no span (" + s.file() + ")";
        }
        SourceFile file = c.sources().get(s.file());
        if (file == null) {
            return "span in a file that was not read: '" + s.file() + "'";
        }
        if (s.line() < 1 || s.line() > file.lineCount()) {
            return "line " + s.line() + " outside 1.." + file.lineCount();
        }
        if (s.start() < 0 || s.end() < s.start() || s.end() > file.text().length()) {
            return "offsets " + s.start() + ".." + s.end() + " outside 0.." + file.text().length();
        }
        if (file.lineOf(s.start()) != s.line() || file.columnOf(s.start()) != s.column()) {
            return "line:column " + s.line() + ":" + s.column() + " is not where offset " + s.start() + " is ("
                    + file.lineOf(s.start()) + ":" + file.columnOf(s.start()) + ")";
        }
        return null;
    }

    private static String stackTop(Throwable e) {
        StringBuilder out = new StringBuilder();
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++) {
            out.append("\n    at ").append(trace[i]);
        }
        return out.toString();
    }
}
