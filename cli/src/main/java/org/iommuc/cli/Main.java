package org.iommuc.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code iommuc} command. Exit codes: 0 success, 1 errors in the descriptions, 2 wrong
 * usage, 3 an internal error (reported in one line, never as a stack trace).
 */
@Command(
        name = "iommuc",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "The IOMMU description compiler.",
        subcommands = {
            CheckCommand.class,
            FmtCommand.class,
            EncodeCommand.class,
            DecodeCommand.class,
            IndexCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'iommuc help')");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("iommuc: " + e.getMessage());
            err.println("usage: " + usageLine(e.getCommandLine()));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("iommuc: internal error: " + e + " (please report this with the input that caused it)");
            return INTERNAL;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("iommuc: internal error: " + e + " (please report this with the input that caused it)");
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String usageLine(CommandLine commandLine) {
        return commandLine.getHelp().synopsis(0).strip() + "  (see --help)";
    }
}
