package org.iommuc.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.source.SourceFile;

/**
 * What the front end made of some files: every diagnostic, and, when there were no errors, the
 * complete, resolved and checked description of every {@code iommu} the files declare.
 *
 * @param sources every file read, by the path used in messages (to render diagnostics)
 * @param diagnostics in source order
 * @param descriptions the descriptions declared in the files asked for (not in their includes)
 * @param stoppedAfter the phase that found errors, or {@link Phase#DONE}
 */
public record Compilation(
        Map<String, SourceFile> sources,
        List<Diagnostic> diagnostics,
        List<Description> descriptions,
        Phase stoppedAfter) {

    public Compilation {
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
        diagnostics = List.copyOf(diagnostics);
        descriptions = List.copyOf(descriptions);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    /**
     * One line for the end of a report, without a trailing newline: {@code "2 errors, 1 warning;
     * stopped after checking"} when there were errors, {@code "1 warning"} when there were only
     * warnings, empty when there was nothing to say.
     */
    public String summary() {
        long errors = errorCount();
        long warnings = warningCount();
        if (errors > 0) {
            return plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : "") + "; stopped after "
                    + stoppedAfter.words();
        }
        return stoppedAfter == Phase.DONE && warnings > 0 ? plural(warnings, "warning") : "";
    }

    /** {@code "1 error"}, {@code "2 errors"}. */
    public static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }

    /** Diagnostics rendered as a compiler prints them. */
    public String render() {
        return new DiagnosticRenderer(sources).render(diagnostics);
    }

    public Optional<Description> description(String name) {
        for (Description d : descriptions) {
            if (d.name().text().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The one description of a single-description file: the last one it declares. */
    public Optional<Description> main() {
        return descriptions.isEmpty() ? Optional.empty() : Optional.of(descriptions.get(descriptions.size() - 1));
    }
}
