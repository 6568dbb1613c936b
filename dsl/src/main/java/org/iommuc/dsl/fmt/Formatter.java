package org.iommuc.dsl.fmt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.DiagnosticRenderer;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.parse.ParsedFile;
import org.iommuc.dsl.parse.Parsing;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * Puts a description file into the one canonical layout, keeping every comment ({@code iommuc fmt}).
 *
 * <p>The canonical layout:
 * <ul>
 *   <li><b>Indent</b>: 4 spaces per block level; no tabs, no trailing whitespace; {@code \n} line
 *       ends; the file ends with exactly one newline (a file without tokens stays empty).</li>
 *   <li><b>Blocks</b>: <code>{</code> ends the line that opens the block, each item, field, member,
 *       effect, step or obligation inside gets its own line, <code>}</code> gets a line of its own
 *       (<code>} else {</code> and <code>} else if ... {</code> stay on one line). An empty block is
 *       <code>{}</code>.</li>
 *   <li><b>Enums</b>: one value per line, each followed by a comma (a missing trailing comma is
 *       added); the optional {@code ;} after an enum's <code>}</code> is dropped.</li>
 *   <li><b>Spaces</b>: one space between words and around binary operators, {@code =},
 *       {@code ->}, {@code ..=}, {@code |}, {@code ?} and {@code :} of a conditional, of a level
 *       and of a format type ({@code format pte : u32}); none before {@code ; , ) ]} or after
 *       {@code ( [}; {@code .} tight on both sides; bit ranges tight ({@code 7:4}); unary
 *       {@code - ! ~} tight to their operand; a call's or a parameter list's {@code (} and an
 *       index's {@code [} tight to what precedes; an obligation's {@code :} tight to the event
 *       ({@code map: flush_page(first)}).</li>
 *   <li><b>Lines</b>: a statement is on one line, however long (no width limit): line breaks
 *       inside a statement are removed, unless a {@code //} comment ends a line inside it; then
 *       the statement continues on the next line, indented one level deeper (a <code>{</code> or
 *       {@code else} pushed to a new line that way stays at the statement's own indent).</li>
 *   <li><b>Blank lines</b>: at most one between items, as in the source; none right after a
 *       <code>{</code> or before a <code>}</code>, none inside a statement. At the top level: includes,
 *       one blank line, then the descriptions separated by one blank line each (comments before
 *       a description sit after that blank line).</li>
 *   <li><b>Comments</b>: a comment that followed a token on the same source line stays there
 *       (trailing); any other comment gets lines of its own at the indent of what follows it (one
 *       level deeper when a <code>}</code> follows). Trailing {@code //} and {@code ///} comments are
 *       separated from the code by two spaces at least, and those of consecutive lines at one
 *       depth are aligned in one column, two spaces after the longest code of the run. A block
 *       comment's continuation lines move as far as its first line moved (tabs in their
 *       indent counted to the next multiple of 4, written as spaces). A block comment written
 *       before code on the same line gets a line of its own; one written after code, or
 *       inside an expression, stays inline with one space on each side (none before a following
 *       {@code ; , ) ]}). Comment text is
 *       otherwise kept exactly (trailing whitespace aside).</li>
 *   <li><b>Literals</b>: numbers, sizes, times and strings are written exactly as in the source.</li>
 * </ul>
 *
 * <p>Formatting is idempotent, and a formatted file gives the same model as the original. The
 * formatter proves to itself that it lost nothing: the output is re-parsed, and its significant
 * tokens and comments must be the input's (see {@link Lossless}). A file that does not parse is
 * never formatted: the result carries its syntax errors instead.
 */
public final class Formatter {

    private static final long STACK_BYTES = 512L << 20;

    private Formatter() {}

    /**
     * What formatting one file gave.
     *
     * @param formatted the file in canonical layout, or empty when it could not be formatted
     * @param diagnostics why it could not be formatted (syntax errors, or {@link Code#E0900})
     */
    public record Result(SourceFile source, Optional<String> formatted, List<Diagnostic> diagnostics) {

        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return formatted.isPresent();
        }

        /** True when the file was formatted and its canonical layout differs from the text given. */
        public boolean changed() {
            return formatted.isPresent() && !formatted.get().equals(source.text());
        }

        /** The diagnostics rendered as {@code iommuc check} renders them. */
        public String render() {
            return new DiagnosticRenderer(Map.of(source.path(), source)).render(diagnostics);
        }
    }

    /** Formats one file; never throws on any input. */
    public static Result format(SourceFile source) {
        AtomicReference<Result> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> result.set(formatGuarded(source)), "iommuc-fmt", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(source, "interrupted");
        }
        return result.get() == null ? failure(source, "the formatter stopped without a result") : result.get();
    }

    private static Result formatGuarded(SourceFile source) {
        try {
            return formatOnThisThread(source);
        } catch (StackOverflowError e) {
            Diagnostics diagnostics = new Diagnostics();
            diagnostics.error(Code.E0005, fileSpan(source), "description nested too deeply to format");
            return new Result(source, Optional.empty(), diagnostics.sorted());
        } catch (RuntimeException | Error e) {
            return failure(source, e.toString());
        }
    }

    private static Result formatOnThisThread(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        ParsedFile parsed = Parsing.parse(source, diagnostics);
        if (parsed.tree() == null || diagnostics.hasErrors()) {
            return new Result(source, Optional.empty(), diagnostics.sorted());
        }
        String formatted = Layout.format(parsed);
        Optional<String> lost = Lossless.difference(source.text(), formatted);
        if (lost.isPresent()) {
            return failure(source, "formatting would change the description (" + lost.get() + ")");
        }
        Diagnostics reparse = new Diagnostics();
        Parsing.parse(SourceFile.of(source.path(), formatted), reparse);
        if (reparse.hasErrors()) {
            return failure(source, "the formatted text does not parse (" + reparse.sorted().get(0).message() + ")");
        }
        return new Result(source, Optional.of(formatted), List.of());
    }

    private static Result failure(SourceFile source, String what) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.error(Code.E0900, fileSpan(source), "internal formatter failure: " + what
                + "; the file is left as it is (please report this with the file)");
        return new Result(source, Optional.empty(), diagnostics.sorted());
    }

    private static Span fileSpan(SourceFile source) {
        return new Span(source.path(), 0, 0, 0, 0);
    }
}
