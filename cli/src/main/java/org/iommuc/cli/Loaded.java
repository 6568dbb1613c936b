package org.iommuc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.resolve.Suggestions;

/** A description loaded for a command that works on one: compiled, checked, chosen. */
final class Loaded {

    private Loaded() {}

    /** A failure to report in one line with exit code 1. */
    static class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** A mistake in how the command was called (a request missing, or given twice): exit 2. */
    static final class Usage extends Failure {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /**
     * The description {@code iommu} names in {@code file}, or the last one the file declares.
     * Diagnostics are printed; a file with errors gives empty.
     */
    static Optional<Description> load(Path file, String iommu, PrintWriter err) throws Failure {
        Compilation compilation = Frontend.compile(List.of(file));
        if (compilation.hasErrors()) {
            Reporting.print(compilation, err);
            return Optional.empty();
        }
        Reporting.print(compilation, err);
        if (iommu == null) {
            return compilation.main();
        }
        Optional<Description> named = compilation.description(iommu);
        if (named.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Description d : compilation.descriptions()) {
                names.add(d.name().text());
            }
            throw new Failure("'" + file + "' declares no iommu '" + iommu + "'; it declares "
                    + String.join(", ", names) + Suggestions.hint(iommu, names));
        }
        return named;
    }

    static Format format(Description description, String name) throws Failure {
        Optional<Format> format = description.format(name);
        if (format.isPresent()) {
            return format.get();
        }
        List<String> names = new ArrayList<>();
        for (Format f : description.formats()) {
            names.add(f.name().text());
        }
        throw new Failure("format '" + name + "' does not exist in " + description.name().text() + "; its formats are "
                + String.join(", ", names) + Suggestions.hint(name, names));
    }
}
