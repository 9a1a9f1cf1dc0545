package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.ReportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A usage error is one line on stderr (what is wrong, where to look) and exit code 2: a CI log
 * should show the mistake, not a usage page or a stack trace. Only a failure of crashlab itself
 * shows its stack trace, because that is a bug to report.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof TargetRefused) {
            err.println(name + ": " + ex.getMessage());
            code = ExitCodes.USAGE;
        } else if (ex instanceof ReportException) {
            // A report.json that is missing, foreign or inconsistent is a wrong argument.
            err.println(name + ": " + ex.getMessage());
            code = ExitCodes.USAGE;
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println(name + ": I/O error: " + ex.getMessage());
            code = ExitCodes.INTERNAL;
        } else {
            String own = dev.crashlab.faults.run.Run.OWN_FAILURE;
            err.println(name + ": " + (String.valueOf(ex.getMessage()).startsWith(own) ? ex.getMessage() : own + ": " + ex)
                    + " (please report it with the trace below)");
            ex.printStackTrace(err);
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }
}
