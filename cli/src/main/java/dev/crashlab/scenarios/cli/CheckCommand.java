package dev.crashlab.scenarios.cli;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.reports.Budget;
import dev.crashlab.reports.Shard;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.explain.ExplainBudget;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.sequence.SequenceResult;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crashlab check}: runs the campaign (or a shard of it), or with {@code --target} a user's
 * own target, and writes the reports.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the campaign: the reference store under every durability option, every seeded bug of the "
                + "catalog and the two cache protocols, crashed at every I/O point, under every persistence model "
                + "and with a reader at every intermediate state; or, with --target, your own code. Writes "
                + "report.json, report.html, summary.md and "
                + "junit.xml to --out, prints summary.md, and a line per target to stderr as each finishes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every claimed guarantee held (seeded bugs' catalogued findings are expected)",
                "1:a target under test broke a guarantee it claims, or a seeded bug went uncaught",
                "2:usage error (nothing ran)",
                "3:crashlab itself failed",
                "4:with --target and --budget: the budget ran out before every crash state was judged, and none judged"
                        + " broke a claimed guarantee (not a pass)"})
final class CheckCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 20261122L;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write the reports (created if missing; its parent must exist).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Campaign seed, recorded in every replay token (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget", paramLabel = "N|DURATION", converter = WorkloadBudget.Converter.class,
            description = "At most N workloads per target (workloads run shortest first, so a small N still covers every "
                    + "1-step workload), e.g. 40. Or a duration: 90s, 5m, 1h, converted to a workload cap at a fixed "
                    + "rate measured on the full campaign on a 2-core machine, so the same budget checks the same "
                    + "workloads on every machine and shard; the run is not stopped by a clock and usually ends early."
                    + " Default: every workload within the bounds. With --target, a time the check stops judging at"
                    + " (e.g. 5m): what it could not judge is reported incomplete, never as held.")
    WorkloadBudget budget = WorkloadBudget.NONE;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", converter = Contexts.Converter.class,
            description = "Contexts to check and report (default: all): process-crash, ordered, ext4-like, weakest-posix "
                    + "(the persistence models), concurrent-reader, live, corrupt-entry, race.")
    List<Context> models;

    @Option(names = "--guarantees", split = ",", paramLabel = "G", converter = GuaranteeConverter.class,
            description = "Guarantees to report, e.g. G1,G3 (default: G1 to G7).")
    List<Guarantee> guarantees;

    @Option(names = "--targets", split = ",", paramLabel = "ID", converter = Units.IdConverter.class,
            description = "Only these targets, e.g. reference/FILE_AND_DIRECTORY,stream-to-final (default: all). The four "
                    + "cache targets (cache-ahead, stale-page and their -fixed versions) run as one: naming any of "
                    + "them checks all four.")
    List<String> targets;

    @Option(names = "--shard", paramLabel = "i/n", converter = ShardOption.class,
            description = "Run only shard i of n: the targets (in the order above, the cache protocols last as one) whose "
                    + "0-based position mod n is i-1. Run every shard with the same other options, then 'crashlab "
                    + "merge': the merge equals the unsharded report.")
    Shard shard = Shard.WHOLE;

    @Option(names = "--target", paramLabel = "CLASS",
            description = {"Check your own code instead of the built-in campaign: a public class with a public "
                    + "no-argument constructor implementing",
                    // on a line of its own: the help's wrapping would break the name at a dot
                    "dev.crashlab.scenarios.api.CrashTargetProvider, or, for generated operation sequences,",
                    "dev.crashlab.scenarios.sequence.SequencesProvider (docs/property-checks.md).",
                    "Its target says what to check (guarantees, models, faults), so --targets, --shard, "
                    + "--models, --guarantees and --seed do not apply; --budget is a time."})
    String target;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "With --target: the jars and class directories holding CLASS and the code it checks, "
                    + "separated by the platform's path separator (':' on Linux and macOS, ';' on Windows).")
    String classpath;

    @Option(names = "--record", paramLabel = "auto|jvm|syscalls",
            description = "With --target: how the writer's I/O is recorded: auto (default: the JVM's, switching to the "
                    + "system calls when it misses I/O, e.g. of a JNI store), jvm, or syscalls (the writer in a child JVM "
                    + "traced with strace, which also sees native code and child processes).")
    String record;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many threads judge: the campaign's lanes, or a --target's crash-state readers "
                    + "(default: the machine's cores). The report is the same whatever the number.")
    Integer threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads != null && threads < 1) {
            throw OutDir.usage(spec, "--threads takes 1 or more, not " + threads);
        }
        if (threads != null) {
            System.setProperty(CrashCheck.THREADS, threads.toString());
        }
        try {
            CrashCheck.threads();
            ExplainBudget.forCheck();
        } catch (IllegalArgumentException e) {
            throw OutDir.usage(spec, e.getMessage() + " (a JVM option, from CRASHLAB_JAVA_OPTS)");
        }
        Path dir = OutDir.directory(spec, out, "--out");
        if (target != null || classpath != null || record != null) {
            return checkTarget(dir);
        }
        Selection selection = new Selection(targets == null ? Set.of() : new HashSet<>(targets),
                new HashSet<>(models == null ? Contexts.ALL : models),
                guarantees == null ? EnumSet.allOf(Guarantee.class) : EnumSet.copyOf(guarantees), seed, budget);
        List<Unit> all = Units.of(selection);
        List<Unit> mine = Units.shard(all, shard);
        PrintWriter err = spec.commandLine().getErr();
        err.println("crashlab check: seed " + seed + ", " + budget.describe() + ", "
                + (shard.equals(Shard.WHOLE) ? mine.size() + " units" : "shard " + shard + ": " + mine.size() + " of " + all.size() + " units")
                + " (a unit is a target, or the four cache protocols together)");
        if (mine.isEmpty()) {
            err.println("crashlab check: nothing to run: no target of this selection falls in this shard");
        }
        err.flush();
        Instant startedAt = Instant.now();
        var result = new UnitRunner(err).run(mine, seed, selection::keeps);
        CampaignResult report = result.toReport(startedAt)
                .ranAs(budget.reportBudget(), ShardOption.toReport(shard));
        return Conclusion.write("crashlab check", Narrowing.apply(report, selection.contexts()), dir,
                spec.commandLine().getOut());
    }

    private CrashTarget.IoRecording recording() {
        if (record == null) {
            return null;
        }
        try {
            return CrashTarget.IoRecording.valueOf(record.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OutDir.usage(spec, "--record takes auto, jvm or syscalls, not '" + record + "'");
        }
    }

    /** {@code --target CLASS --classpath CP}: the user's target, loaded from CP, checked and reported. */
    private int checkTarget(Path dir) throws IOException {
        if (target == null) {
            throw OutDir.usage(spec, "--classpath needs --target: it says where the --target class and its code are");
        }
        for (String campaignOnly : List.of("--targets", "--shard", "--models", "--guarantees", "--seed")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(campaignOnly)) {
                throw OutDir.usage(spec, campaignOnly + " selects part of the built-in campaign; with --target, "
                        + target + ".target() says what to check");
            }
        }
        if (budget.workloads() != 0 && budget.duration() == null) {
            throw OutDir.usage(spec, "--budget with --target is a time, e.g. --budget 90s or --budget 5m: a user's"
                    + " target has no workloads to count");
        }
        Duration time = budget.duration();
        PrintWriter err = spec.commandLine().getErr();
        ReportWarmUp warmUp = ReportWarmUp.start();
        CrashTarget.IoRecording recording = recording();
        try (UserTarget user = UserTarget.load(spec, target, classpath)) {
            if (user.sequences() != null) {
                return checkSequences(user, warmUp, dir);
            }
            CrashTarget described = recording == null ? user.target() : user.target().recordedBy(recording);
            Instant startedAt = Instant.now();
            CrashResult result = user.run(() -> {
                // The run would install it first thing; installing it here overlaps the warm-up, which must end before the run.
                Agent.install();
                warmUp.awaitEnd();
                return CrashCheck.run(described, time, line -> {
                    err.println(line);
                    err.flush();
                });
            });
            err.println("crashlab check: " + described.name() + " (" + target + ", " + described.faults().size()
                    + " fault context(s), " + described.models().size() + " persistence model(s) and the concurrent reader)"
                    + " finished in " + result.durationMillis() + " ms: "
                    + (!result.violations().isEmpty() ? result.violations().size() + " VIOLATION(S)"
                    : result.incomplete() > 0 ? "nothing broken in what the budget let it judge, " + result.incomplete()
                    + " cell(s) NOT FULLY EXPLORED" : "no claimed guarantee broken"));
            err.flush();
            CampaignResult report = result.toReport(startedAt);
            if (time != null) {
                report = report.ranAs(new Budget(time.toMillis(), null), report.shard());
            }
            return Conclusion.write("crashlab check", report, dir, spec.commandLine().getOut());
        }
    }

    /** A {@code SequencesProvider}'s walk: the failing sequence, shrunk, on stderr; the reports as for a target. */
    private int checkSequences(UserTarget user, ReportWarmUp warmUp, Path dir) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Instant startedAt = Instant.now();
        SequenceResult result = user.run(() -> {
            Agent.install();
            warmUp.awaitEnd();
            return user.sequences().run();
        });
        err.print("crashlab check: " + result.describe());
        err.flush();
        if (result.failed().map(f -> f.error() != null).orElse(false)) {
            return ExitCodes.FAILED; // the store threw on the sequence with no fault: no verdict, but a failure
        }
        return Conclusion.write("crashlab check", result.toReport(startedAt), dir, spec.commandLine().getOut());
    }
}
