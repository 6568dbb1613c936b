package org.iommuc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.generator.JavaOptions;
import org.iommuc.generator.OutputWriter;
import org.iommuc.generator.java.JavaBackend;
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
 * description generates cleanly.
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
        Compilation compilation = Frontend.compile(files);
        Reporting.print(compilation, err);
        if (compilation.hasErrors()) {
            return Main.ERRORS;
        }
        JavaBackend.Result result = JavaBackend.generate(compilation.descriptions(), new JavaOptions(packageName));
        if (result.hasErrors()) {
            err.print(new DiagnosticRenderer(compilation.sources()).render(result.diagnostics()));
            err.println("iommuc: " + Reporting.plural(result.diagnostics().size(), "error") + "; nothing generated");
            return Main.ERRORS;
        }
        try {
            new OutputWriter(out).write(result.files());
            return Main.OK;
        } catch (OutputWriter.Refused e) {
            err.println("iommuc: error: " + e.getMessage());
            return Main.ERRORS;
        } catch (IOException e) {
            err.println("iommuc: error: cannot write to " + out + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
            return Main.ERRORS;
        }
    }
}
