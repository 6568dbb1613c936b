package org.iommuc.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.iommuc.dsl.check.Checks;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.parse.ModelBuilder.FileDecl;
import org.iommuc.dsl.resolve.Loader;
import org.iommuc.dsl.resolve.Merger;
import org.iommuc.dsl.resolve.Resolver;
import org.iommuc.dsl.source.Span;

/**
 * The front end: parse, then resolve ({@code include}, {@code extends}, names), then check. Each
 * phase reports into one sink; the pipeline stops after the first phase that found errors.
 *
 * <p>Any input gives a {@link Compilation}: the front end never throws on bad input. It runs on
 * a thread with a large stack so that legal but deeply nested expressions cannot overflow it.
 */
public final class Frontend {

    private static final long STACK_BYTES = 512L << 20;

    private Frontend() {}

    /** Compiles description files, as {@code iommuc check} does; messages name files as given. */
    public static Compilation compile(List<Path> files) {
        return compile(files, null);
    }

    /**
     * Compiles description files; messages name them relative to {@code displayRoot} (when not
     * null), so output does not depend on the working directory.
     */
    public static Compilation compile(List<Path> files, Path displayRoot) {
        return onLargeStack(() -> {
            Diagnostics diagnostics = new Diagnostics();
            Loader loader = new Loader(diagnostics);
            List<FileDecl> roots = new ArrayList<>();
            for (Path file : files) {
                FileDecl decl = displayRoot == null ? loader.load(file)
                        : loader.load(file, displayRoot.toAbsolutePath().normalize()
                                .relativize(file.toAbsolutePath().normalize()).toString());
                if (decl != null && !roots.contains(decl)) {
                    roots.add(decl);
                }
            }
            return afterParsing(loader, roots, diagnostics);
        });
    }

    /** Compiles text that is not on disk (tests, fuzzing); includes resolve against the path. */
    public static Compilation compileText(String displayPath, String text) {
        return onLargeStack(() -> {
            Diagnostics diagnostics = new Diagnostics();
            Loader loader = new Loader(diagnostics);
            FileDecl decl = loader.loadText(displayPath, text);
            return afterParsing(loader, decl == null ? List.of() : List.of(decl), diagnostics);
        });
    }

    private static Compilation afterParsing(Loader loader, List<FileDecl> roots, Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) {
            return stop(loader, diagnostics, Phase.PARSE);
        }
        Map<String, Description> declared = declared(loader.files(), diagnostics);
        List<Description> resolved = new ArrayList<>();
        Merger merger = new Merger(declared, diagnostics);
        for (FileDecl root : roots) {
            if (root.descriptions().isEmpty()) {
                Span file = new Span(root.source().path(), 0, 0, 0, 0);
                diagnostics.error(Code.E0008, file, "the file declares no iommu; a description starts with 'iommu NAME {'");
            }
            for (Description d : root.descriptions()) {
                Description complete = merger.merge(d);
                if (complete != null) {
                    Diagnostics found = new Diagnostics();
                    resolved.add(Resolver.resolve(complete, found));
                    pointAtDerived(complete, found, diagnostics);
                }
            }
        }
        if (diagnostics.hasErrors()) {
            return stop(loader, diagnostics, Phase.RESOLVE);
        }
        for (Description d : resolved) {
            Diagnostics found = new Diagnostics();
            Checks.run(d, found);
            pointAtDerived(d, found, diagnostics);
        }
        if (diagnostics.hasErrors()) {
            return stop(loader, diagnostics, Phase.CHECK);
        }
        return new Compilation(loader.sources(), diagnostics.sorted(), resolved, Phase.DONE);
    }

    /**
     * Moves what resolving or checking {@code d} found into {@code into}. When {@code d} extends
     * another description, a diagnostic at an inherited place (outside {@code d}'s own text) may
     * be caused by what {@code d} removes or overrides, while its base alone is clean: it gets a
     * note at {@code d}'s {@code extends}, so the message does not only point into the base.
     */
    private static void pointAtDerived(Description d, Diagnostics found, Diagnostics into) {
        if (d.base().isEmpty()) {
            into.addAll(found);
            return;
        }
        Note note = new Note(d.base().get().span(), "found while checking iommu '" + d.name().text()
                + "', which inherits this from '" + d.base().get().text() + "'");
        for (Diagnostic diagnostic : found.sorted()) {
            Span at = diagnostic.span();
            boolean own = at.file().equals(d.span().file()) && at.start() >= d.span().start() && at.end() <= d.span().end();
            if (own) {
                into.report(diagnostic);
            } else {
                into.reportInherited(diagnostic, note);
            }
        }
    }

    /** Every description of every loaded file by name; a name declared twice is an error. */
    private static Map<String, Description> declared(List<FileDecl> files, Diagnostics diagnostics) {
        Map<String, Description> declared = new LinkedHashMap<>();
        for (FileDecl file : files) {
            for (Description d : file.descriptions()) {
                Description first = declared.putIfAbsent(d.name().text(), d);
                if (first != null) {
                    diagnostics.error(Code.E0100, d.name().span(), "iommu '" + d.name().text() + "' is declared twice",
                            new Note(first.name().span(), "first declared here"));
                }
            }
        }
        return declared;
    }

    private static Compilation stop(Loader loader, Diagnostics diagnostics, Phase phase) {
        return new Compilation(loader.sources(), diagnostics.sorted(), List.of(), phase);
    }

    private interface Work {
        Compilation run();
    }

    private static Compilation onLargeStack(Work work) {
        AtomicReference<Compilation> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.run());
            } catch (StackOverflowError e) {
                Diagnostics diagnostics = new Diagnostics();
                diagnostics.error(Code.E0005, Span.NONE, "description nested too deeply to process");
                result.set(new Compilation(Map.of(), diagnostics.sorted(), List.of(), Phase.PARSE));
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "iommuc-frontend", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
