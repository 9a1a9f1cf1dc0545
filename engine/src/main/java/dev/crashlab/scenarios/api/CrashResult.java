package dev.crashlab.scenarios.api;

import dev.crashlab.scenarios.grade.ReportAssembler;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Environment;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Guarantee;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link CrashCheck} found for one target: a verdict per fault x guarantee x context.
 *
 * @param notes what else a person should know, e.g. that the writer failed under a fault
 * @param seed        the exploration's seed (recorded in sampled crash states' provenance)
 * @param crashPoints crash points explored (the trace's, once per persistence model and fault) and
 *                    the concurrent reader's pause points
 * @param syncs       what one call of the writer asks the device to wait for, counted in the fault-free
 *                    run's recorded trace: each fsync, fdatasync and directory fsync, and each write
 *                    through a SYNC/DSYNC handle (durable as it returns); -1 when the check did not
 *                    record the fault-free run (a replay of another fault)
 */
public record CrashResult(String target, List<Verdict> verdicts, List<String> notes, long seed, long durationMillis,
                          long crashPoints, long syncs) {

    public CrashResult {
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /**
     * True when every claimed guarantee held: a broken unclaimed one is the price of not claiming it.
     * A check a time budget cut short has not passed, even with nothing broken so far.
     */
    public boolean passed() {
        return violations().isEmpty() && incomplete() == 0;
    }

    /** Cells a time budget cut short with nothing broken in what was judged: not held, not violated. */
    public long incomplete() {
        return verdicts.stream().filter(v -> v.status() == Status.INCOMPLETE).count();
    }

    public List<Verdict> violations() {
        return verdicts.stream().filter(v -> v.status() == Status.VIOLATED).toList();
    }

    /** The verdict for a guarantee in a context ({@code Context.EXT4_LIKE}, {@code Context.CONCURRENT_READER}) with no fault. */
    public Verdict verdict(Guarantee g, Context context) {
        return verdict(g, context, Verdict.NO_FAULT);
    }

    /** The verdict under a persistence model given by its name, e.g. {@code new WeakestPosix(512).name()}. */
    public Verdict verdict(Guarantee g, String context) {
        return verdict(g, Context.fromWireName(context));
    }

    /** The verdict under a persistence model given by its name, under a fault. */
    public Verdict verdict(Guarantee g, String context, String fault) {
        return verdict(g, Context.fromWireName(context), fault);
    }

    /** The verdict under a fault, named as its plan names itself (e.g. "refuse ATOMIC_MOVE"). */
    public Verdict verdict(Guarantee g, Context context, String fault) {
        return verdicts.stream().filter(v -> v.guarantee() == g && v.context().equals(context) && v.fault().equals(fault))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no verdict for " + g + " under " + context
                        + " with " + fault + "; there are: " + verdicts.stream().map(Verdict::title).toList()));
    }

    /** One line per verdict, then each violation's counterexample. */
    public String describe() {
        StringBuilder out = new StringBuilder(target).append(": ").append(passed() ? "every claimed guarantee held"
                : violations().size() + " claimed guarantee(s) broken").append('\n');
        verdicts.forEach(v -> out.append("  ").append(v.title()).append('\n'));
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        return out.append(violations().stream().map(Verdict::describe).collect(Collectors.joining("\n", "\n", ""))).toString();
    }

    /** The reports module's result (one report target per fault), for report.json, HTML, Markdown and JUnit XML. */
    public CampaignResult toReport(Instant startedAt) {
        return ReportAssembler.user(verdicts, notes, crashPoints, durationMillis, startedAt)
                .ranIn(Environment.here(Roots.parent()));
    }
}
