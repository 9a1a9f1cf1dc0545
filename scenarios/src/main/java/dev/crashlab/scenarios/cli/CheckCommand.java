package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.scenarios.campaign.ReportAssembler;
import dev.crashlab.scenarios.target.Guarantee;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code crashlab check}: runs the campaign (or a shard of it) and writes the four reports. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the campaign: the reference store under every durability option, every seeded bug of the "
                + "catalog and the two cache protocols, crashed at every I/O point, under every persistence model "
                + "and with a reader at every intermediate state. Writes report.json, report.html, summary.md and "
                + "junit.xml to --out, prints summary.md, and a line per target to stderr as each finishes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every claimed guarantee held (seeded bugs' catalogued findings are expected)",
                "1:a target under test broke a guarantee it claims, or a seeded bug went uncaught",
                "2:usage error (nothing ran)",
                "3:crashlab itself failed"})
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
                    + " Default: every workload within the bounds.")
    WorkloadBudget budget = WorkloadBudget.NONE;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", converter = Contexts.Converter.class,
            description = "Contexts to check and report (default: all): process-crash, ordered, ext4-like, weakest-posix "
                    + "(the persistence models), concurrent-reader, live, corrupt-entry, race.")
    List<String> models;

    @Option(names = "--guarantees", split = ",", paramLabel = "G", converter = GuaranteeConverter.class,
            description = "Guarantees to report, e.g. G1,G3 (default: G1 to G7).")
    List<Guarantee> guarantees;

    @Option(names = "--targets", split = ",", paramLabel = "ID", converter = Units.IdConverter.class,
            description = "Only these targets, e.g. reference/FILE_AND_DIRECTORY,stream-to-final (default: all). The four "
                    + "cache targets (cache-ahead, stale-page and their -fixed versions) run as one: naming any of "
                    + "them checks all four.")
    List<String> targets;

    @Option(names = "--shard", paramLabel = "i/n", converter = Shard.Converter.class,
            description = "Run only shard i of n: the targets (in the order above, the cache protocols last as one) whose "
                    + "0-based position mod n is i-1. Run every shard with the same other options, then 'crashlab "
                    + "merge': the merge equals the unsharded report.")
    Shard shard = Shard.ALL;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = OutDir.directory(spec, out, "--out");
        Selection selection = new Selection(targets == null ? Set.of() : new HashSet<>(targets),
                new HashSet<>(models == null ? Contexts.ALL : models),
                guarantees == null ? EnumSet.allOf(Guarantee.class) : EnumSet.copyOf(guarantees), seed, budget);
        List<Unit> all = Units.of(selection);
        List<Unit> mine = Units.shard(all, shard);
        PrintWriter err = spec.commandLine().getErr();
        err.println("crashlab check: seed " + seed + ", " + budget.describe() + ", "
                + (shard.isAll() ? mine.size() + " units" : "shard " + shard + ": " + mine.size() + " of " + all.size() + " units")
                + " (a unit is a target, or the four cache protocols together)");
        if (mine.isEmpty()) {
            err.println("crashlab check: nothing to run: no target of this selection falls in this shard");
        }
        err.flush();
        Instant startedAt = Instant.now();
        var result = new UnitRunner(err).run(mine, seed, selection::keeps);
        CampaignResult report = withBudget(ReportAssembler.toReport(result, startedAt), selection);
        return Conclusion.write("crashlab check", Narrowing.apply(report, selection.contexts()), dir,
                spec.commandLine().getOut());
    }

    private static CampaignResult withBudget(CampaignResult r, Selection s) {
        return new CampaignResult(r.schemaVersion(), r.toolVersion(), r.seed(), s.budget().reportBudget(),
                r.startedAt(), r.durationMillis(), r.counts(), r.targets(), r.benchmarks());
    }
}
