package org.iommuc.cli;

import java.io.PrintWriter;
import org.iommuc.dsl.Compilation;

/** Prints a compilation's diagnostics and, when it failed or warned, one line that sums it up. */
final class Reporting {

    private Reporting() {}

    static void print(Compilation compilation, PrintWriter err) {
        err.print(compilation.render());
        String summary = compilation.summary();
        if (!summary.isEmpty()) {
            err.println("iommuc: " + summary);
        }
        err.flush();
    }

    static String plural(long count, String word) {
        return Compilation.plural(count, word);
    }
}
