package org.iommuc.cli;

import java.io.PrintWriter;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Phase;

/** Prints a compilation's diagnostics and, when it failed, one line saying where it stopped. */
final class Reporting {

    private Reporting() {}

    static void print(Compilation compilation, PrintWriter err) {
        err.print(compilation.render());
        if (compilation.hasErrors()) {
            long errors = compilation.errorCount();
            long warnings = compilation.warningCount();
            err.println("iommuc: " + plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : "")
                    + "; stopped after " + compilation.stoppedAfter().words());
        } else if (compilation.stoppedAfter() == Phase.DONE && compilation.warningCount() > 0) {
            err.println("iommuc: " + plural(compilation.warningCount(), "warning"));
        }
        err.flush();
    }

    static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
