package dev.crashlab.scenarios.api;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.scenarios.explain.ExplainBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Checks a {@link CrashTarget}: for the fault-free run and each fault, records the writer's I/O
 * trace, judges G2 and G3 on every crash state each persistence model allows, and G1 with the
 * writer paused at every I/O point. Deterministic: the same target gives the same verdicts and
 * counterexamples, which is what makes a replay token replay.
 *
 * <p>The pipeline, and where each stage lives (the built-in campaign runs the same stages over its
 * own targets, adding only scheduling):
 * <ol>
 *   <li><b>record</b>: the writer runs under the agent, which sees every JDK file operation
 *       ({@code faults.agent}); the run numbers them into an I/O trace and injects faults
 *       ({@code faults.run}, {@code faults.plan}, {@code faults.trace});</li>
 *   <li><b>explore</b>: the crash states each persistence model allows are built from the trace
 *       ({@code faults.crash}); pause points and racing writers come from the run's pause hooks;</li>
 *   <li><b>judge</b>: the target's reader (after its recovery) says what it found in each state, and
 *       the expectation or oracle whether that was allowed ({@code CrashStateJudge},
 *       {@code PausedReaderJudge}, {@code RaceJudge}; the built-in store's checkers in
 *       {@code scenarios.check});</li>
 *   <li><b>grade</b>: one {@link dev.crashlab.scenarios.grade.Verdict} per target x guarantee x
 *       context, from the claims table ({@code scenarios.grade});</li>
 *   <li><b>explain</b>: the vulnerability behind a violation and a fix verified by re-judging the
 *       edited trace ({@code scenarios.explain});</li>
 *   <li><b>report</b>: {@link CrashResult#toReport} and the reports module's printers.</li>
 * </ol>
 */
public final class CrashCheck {

    /** The system property that sets how many threads judge: {@code -Dcrashlab.threads=N}. */
    public static final String THREADS = StateReaders.PROPERTY;

    private CrashCheck() {
    }

    /**
     * How many threads judge crash states: {@value #THREADS}, or the cores this JVM may use. The
     * report is the same whatever the number.
     *
     * @throws IllegalArgumentException if {@value #THREADS} is set to anything but a number of 1 or more
     */
    public static int threads() {
        return StateReaders.threads();
    }

    /**
     * @throws TargetFailedException if the set-up or the writer fails with no fault injected, or the
     *                               writer does I/O the instrumentation cannot follow
     */
    public static CrashResult run(CrashTarget target) {
        return run(target, f -> true, c -> true);
    }

    /**
     * Runs the set-up, then the writer, once on {@code root} (a fresh directory) with nothing of
     * crashlab's around them, as a benchmark times the writer.
     *
     * @throws TargetFailedException if the writer needs crashlab's instrumentation to run: without it,
     *                               it fails, installs the instrumentation itself, or leaves files
     *                               on which the reader does not find what the target declares once
     *                               the writer returned
     */
    public static void runUninstrumented(CrashTarget target, Path root) {
        Uninstrumented.run(target, root);
    }

    /**
     * Re-runs only the fault and context a counterexample's token names, and returns the verdict
     * carrying that token again; empty if it no longer reproduces (the target was fixed).
     */
    public static Optional<Verdict> replay(CrashTarget target, String token) {
        Scenario.Coordinates at = Scenario.parse(target, token);
        return run(target, f -> f == at.fault(), at.context()::equals).verdicts().stream()
                .filter(v -> v.counterexample() != null && v.counterexample().seed().equals(token)).findFirst();
    }

    static CrashResult run(CrashTarget target, IntPredicate faults, Predicate<Context> contexts) {
        return run(target, faults, contexts, ExplainBudget.forCheck());
    }

    /**
     * As {@link #run(CrashTarget)}, within a time budget and telling its progress: once the budget
     * has run out, no more crash state or pause point is judged, and every cell not fully judged
     * (and not broken by what was) is reported {@link dev.crashlab.reports.Status#INCOMPLETE}, in
     * every report format, never as held.
     *
     * @param budget   how long the judging may take, or null for no limit
     * @param progress receives a line about every 5 s and at the end of each context
     */
    public static CrashResult run(CrashTarget target, java.time.Duration budget, java.util.function.Consumer<String> progress) {
        int contexts = target.faults().size() * (1 + target.models().size() + (target.rivals().isEmpty() ? 0 : 1));
        return run(target, f -> true, c -> true, ExplainBudget.forCheck(), new CheckClock(target.name(), budget, contexts, progress));
    }

    /** @param explaining how long the explain stage may take: the verdicts never wait for more */
    static CrashResult run(CrashTarget target, IntPredicate faults, Predicate<Context> contexts, ExplainBudget explaining) {
        return run(target, faults, contexts, explaining, CheckClock.silent(target.name()));
    }

    static CrashResult run(CrashTarget target, IntPredicate faults, Predicate<Context> contexts, ExplainBudget explaining,
                           CheckClock clock) {
        long start = System.nanoTime();
        Cells cells = new Cells(target, explaining, clock);
        List<String> notes = new ArrayList<>();
        long syncs = -1;
        RecordingChoice recording = new RecordingChoice(target);
        List<Verdict> verdicts;
        try (Roots roots = new Roots(target.name())) {
            for (int f = 0; f < target.faults().size(); f++) {
                if (faults.test(f) && clock.over()) {
                    unexplored(target, f, contexts, cells);
                } else if (faults.test(f)) {
                    WriterRun recorded = check(target, f, roots, contexts, cells, notes, recording);
                    if (f == 0 && recorded != null) {
                        syncs = syncs(recorded.trace());
                    }
                    roots.clean();
                }
            }
            // The explain stage judges edited traces on disk too, so it runs before the scratch roots go.
            verdicts = cells.verdicts();
        }
        if (clock.over()) {
            notes.add(target.name() + ": the time budget ran out before every crash state and pause point was judged;"
                    + " the cells it cut short are reported incomplete, with the checks they had, and nothing in them"
                    + " that was not judged is claimed to hold");
        }
        return new CrashResult(target.name(), verdicts, notes, target.exploration().seed(),
                (System.nanoTime() - start) / 1_000_000, cells.crashPoints(), syncs);
    }

    /** A fault the budget left no time for: its cells are listed, as not explored. */
    private static void unexplored(CrashTarget target, int fault, Predicate<Context> contexts, Cells cells) {
        java.util.List<Context> all = new ArrayList<>();
        all.add(Context.CONCURRENT_READER);
        target.models().forEach(m -> all.add(Context.fromWireName(m.name())));
        for (Context context : all) {
            if (contexts.test(context)) {
                for (Guarantee g : context == Context.CONCURRENT_READER ? List.of(Guarantee.G1) : List.of(Guarantee.G2, Guarantee.G3)) {
                    cells.declare(fault, g, context);
                    cells.unexplored(fault, g, context);
                }
            }
        }
    }

    /** The operations that wait for the device: the barriers, and the writes a SYNC/DSYNC handle makes durable. */
    private static long syncs(IoTrace trace) {
        return trace.ops().stream().filter(op -> op.kind().isSync() || op.kind() == OpKind.WRITE && op.durable()).count();
    }

    /** The writer's recorded run, or null where a fault cannot be judged under the system-call recording. */
    private static WriterRun check(CrashTarget target, int fault, Roots roots, Predicate<Context> contexts, Cells cells,
                                   List<String> notes, RecordingChoice recording) {
        FaultPlan plan = target.faults().get(fault);
        if (recording.syscalls() && fault > 0) {
            RecordingChoice.notJudged(target, fault, plan, notes);
            return null;
        }
        PausePoint counter = PausePoint.counting();
        Path root = roots.fresh();
        WriterRun recorded = fault == 0 ? recording.faultFree(target, root, counter.and(plan), roots, notes)
                : WriterRun.go(target, root, counter.and(plan), false);

        if (!recorded.returned()) {
            if (fault == 0) {
                throw new TargetFailedException("the writer of " + target.name() + " failed with no fault injected: "
                        + recorded.result().thrown() + "\ntrace so far:\n" + recorded.trace().listing(),
                        recorded.result().thrown());
            }
            notes.add(target.name() + " under " + plan + ": the writer failed (" + recorded.result().thrown()
                    + "), so nothing was acknowledged and G3 is not applicable");
        }
        if (recording.syscalls()) {
            SyscallJudge.judge(target, fault, recorded, roots, contexts, cells, notes);
            return recorded;
        }
        if (contexts.test(Context.CONCURRENT_READER)) {
            cells.visited(counter.attempts());
            PausedReaderJudge.judge(target, fault, counter.attempts(), recorded, roots, cells, notes);
        }
        if (!target.rivals().isEmpty() && contexts.test(Context.RACE)) {
            RaceJudge.judge(target, fault, counter.attempts(), roots, cells, notes);
        }
        CrashStateJudge.judge(target, fault, recorded, roots, contexts, cells, notes);
        return recorded;
    }
}
