package org.iommuc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iommuc.generator.Generation;
import org.iommuc.generator.JavaOptions;
import org.iommuc.generator.OutputWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iommuc generate --target java --out DIR [--package P] FILE...}: checks the descriptions,
 * generates their sources and writes them under DIR (see {@link OutputWriter} for what it will
 * and will not overwrite): silence and 0, or diagnostics and 1. Nothing is written unless every
 * description generates cleanly. The work is {@link Generation}'s, shared with the Maven plugin.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate sources from descriptions.",
            "--target java: per description, <Name>Registers (offsets, slots, fields, values), one codec class per "
                + "entry format, and <Name>Model, the hardware model on the iommuc runtime."})
final class GenerateCommand implements Callable<Integer> {

    /** The backends; more come later. */
    enum Target {
        java
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "TARGET", description = "What to generate: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder (created if missing).")
    Path out;

    @Option(names = "--package", paramLabel = "P", description = "Java package of the generated classes (default: "
            + JavaOptions.DEFAULT_PACKAGE + ").")
    String packageName = JavaOptions.DEFAULT_PACKAGE;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Description files (.iommu).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!JavaOptions.isValidPackage(packageName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--package: '" + packageName
                    + "' is not a Java package name (dotted identifiers, no keywords)");
        }
        Generation.Result result = Generation.run(new Generation.Request(files, workingFolderHolding(files), out,
                new JavaOptions(packageName)));
        for (Generation.Message m : result.messages()) {
            err.print(m.text());
        }
        err.flush();
        return result.succeeded() ? Main.OK : Main.ERRORS;
    }

    /**
     * The working folder when it holds every file, so that the headers of generated files (and
     * the messages) name a description the same way whether it was given by an absolute or a
     * relative path; else null (files named as given).
     */
    private static Path workingFolderHolding(List<Path> files) {
        Path here = Path.of("").toAbsolutePath().normalize();
        for (Path f : files) {
            if (!f.toAbsolutePath().normalize().startsWith(here)) {
                return null;
            }
        }
        return here;
    }
}
