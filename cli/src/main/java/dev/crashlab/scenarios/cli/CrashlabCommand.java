package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.grade.ReportAssembler;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crashlab}: the campaign's command line. Only dispatches to its subcommands. */
@Command(name = "crashlab", mixinStandardHelpOptions = true, version = CrashlabCommand.VERSION,
        subcommands = {CheckCommand.class, MergeCommand.class, ReportCommand.class, ReplayCommand.class},
        description = {"Checks which storage guarantees hold under crashes, power failures and concurrent readers.",
                "",
                "  crashlab check --out DIR                  the built-in campaign (reference store, seeded bugs)",
                "  crashlab check --target CLASS --classpath CP --out DIR",
                "                                            your own code: a CrashTargetProvider on your class path",
                "  crashlab merge --out DIR SHARD_DIR...     the shards' reports as one",
                "  crashlab report --in DIR --format FMT     a written report in another format",
                "  crashlab replay TOKEN                     a counterexample again"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every claimed guarantee held (seeded bugs' catalogued findings are expected)",
                "1:a target under test broke a guarantee it claims, or a seeded bug went uncaught",
                "2:usage error (an option, a value or a path is wrong; nothing ran)",
                "3:crashlab itself failed"})
public final class CrashlabCommand implements Callable<Integer> {

    static final String VERSION = "crashlab " + ReportAssembler.TOOL_VERSION;

    @Spec
    CommandSpec spec;

    /** The command line as {@code Main} runs it: stdout, stderr, one-line errors. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** The same, writing to the given streams (tests read them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        OneLineErrors errors = new OneLineErrors();
        CommandLine line = new CommandLine(new CrashlabCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        // --version answers the same on every subcommand, not silently as picocli's default does there.
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(VERSION));
        // 100 columns: at picocli's 80 a class name such as dev.crashlab.scenarios.api.CrashTargetProvider
        // is broken at a dot, and a name copied from the help must work.
        line.setUsageHelpWidth(100);
        return line;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given; use one of check, merge, report, replay");
    }
}
