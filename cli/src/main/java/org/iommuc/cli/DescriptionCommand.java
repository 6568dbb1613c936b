package org.iommuc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iommuc.dsl.model.Description;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that works on one description of a file ({@code encode}, {@code decode},
 * {@code index}): it loads and checks the file (printing its diagnostics), picks the
 * description, runs, and reports a failure as one {@code iommuc: error: ...} line with exit 1
 * (exit 2 for a usage mistake).
 */
abstract class DescriptionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The description (.iommu).")
    Path file;

    @Option(names = "--iommu", paramLabel = "NAME", description = "Which iommu of FILE (default: the last).")
    String iommu;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<Description> loaded = Loaded.load(file, iommu, err);
            if (loaded.isEmpty()) {
                return Main.ERRORS;
            }
            return run(loaded.get(), spec.commandLine().getOut());
        } catch (Loaded.Failure e) {
            err.println("iommuc: error: " + e.getMessage());
            return e instanceof Loaded.Usage ? Main.USAGE : Main.ERRORS;
        }
    }

    /** The command's work on the chosen description; an exit code, or a failure to report. */
    abstract int run(Description description, PrintWriter out) throws Loaded.Failure;

    /** With {@code --batch} the requests come from stdin: a request on the command line is a mistake. */
    static void batchTakesNoRequest(String argument) throws Loaded.Failure {
        if (argument != null) {
            throw new Loaded.Usage("--batch takes its requests from stdin, not from the command line");
        }
    }
}
