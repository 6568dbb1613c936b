package org.iommuc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iommuc check FILE...}: silence and 0, or diagnostics and 1. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check descriptions and report every problem found.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Description files (.iommu).")
    List<Path> files;

    @Override
    public Integer call() {
        Compilation compilation = Frontend.compile(files);
        Reporting.print(compilation, spec.commandLine().getErr());
        return compilation.hasErrors() ? Main.ERRORS : Main.OK;
    }
}
