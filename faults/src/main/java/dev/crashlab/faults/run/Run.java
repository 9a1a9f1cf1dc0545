package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One workload under instrumentation. Only operations on paths under the root (and any watched
 * extra roots) are recorded or faulted; other I/O, the build's and the harness's, is untouched.
 * Runs of one JVM may go on side by side: each call goes to the run its thread works for (see
 * {@link ActiveRuns}), so their roots must not overlap.
 *
 * <pre>{@code
 * IoTrace trace = Run.record(root, () -> store.put("k", "v"));
 * RunResult r = Run.with(root, FaultPlan.crashInsideWrite(3, 5), () -> store.put("k", "v"));
 * RunResult s = Run.in(disk).watch("shm", tmpfsDir).plan(p).onlyRunThreads().go(workload);
 * }</pre>
 */
public final class Run {

    /**
     * The count of runs begun inside {@link #counted}'s task: set on its thread for the task's
     * length, and inherited by the threads it starts then, so that neither a run of another thread
     * (a parallel test) nor one of a thread started earlier is counted against it.
     */
    private static final InheritableThreadLocal<java.util.concurrent.atomic.AtomicLong> COUNTING = new InheritableThreadLocal<>();

    /** How a failure of crashlab's own inside a run begins: the target's code is not to blame. */
    public static final String OWN_FAILURE = "crashlab failed: a bug in crashlab, not in your code";

    private final Scope scope;
    private FaultPlan plan = FaultPlan.none();
    private boolean onlyRunThreads;
    private boolean checkComplete;
    private List<String> notMine = List.of();

    private Run(Path root) {
        this.scope = new Scope(root);
    }

    /**
     * The fault-free trace of a workload; fails if the workload does, or if it did in-scope I/O the
     * trace cannot contain (see {@link RunResult#unseen()} and {@link #checkComplete()}): a silently
     * incomplete trace would make every verdict built on it wrong.
     */
    public static IoTrace record(Path root, Task workload) {
        RunResult result = in(root).checkComplete().go(workload);
        if (result.thrown() != null) {
            throw new IllegalStateException("the fault-free run failed; trace so far:\n"
                    + result.trace().listing(), result.thrown());
        }
        if (!result.unseen().isEmpty()) {
            throw new IllegalStateException("the workload did I/O the instrumentation cannot see, so its trace"
                    + " would be incomplete:\n  " + String.join("\n  ", result.unseen()));
        }
        return result.trace();
    }

    public static RunResult with(Path root, FaultPlan plan, Task workload) {
        return in(root).plan(plan).go(workload);
    }

    public static Run in(Path root) {
        return new Run(root);
    }

    public Run plan(FaultPlan faults) {
        this.plan = faults;
        return this;
    }

    /** Also in scope: paths under {@code otherRoot}, named {@code @label/...} in the trace. */
    public Run watch(String label, Path otherRoot) {
        scope.watch(label, otherRoot);
        return this;
    }

    /** Only the thread calling {@link #go} and threads it starts; by default, any thread but the harness's. */
    public Run onlyRunThreads() {
        this.onlyRunThreads = true;
        return this;
    }

    /**
     * After a run that neither crashed nor threw, replays the trace and compares it with the root
     * the run left: each difference (a file the recording did not see written) is added to
     * {@link RunResult#unseen()}. Only for runs whose pause points change nothing on disk.
     */
    public Run checkComplete() {
        this.checkComplete = true;
        return this;
    }

    /**
     * Libraries that are not the user's own code (package prefixes, e.g. "org.apache.kafka."): an
     * operation's source line is then the user's frame that called into them.
     */
    public Run notMine(List<String> packagePrefixes) {
        this.notMine = List.copyOf(packagePrefixes);
        return this;
    }

    /**
     * Marks, from inside a workload, a point after which the target has promised something (a commit
     * acknowledged): it is recorded at the trace position reached, and a crash after it is judged
     * against it. Outside a run it does nothing, so code can call it unconditionally; from a thread
     * no run started, it goes to the one run in progress, and with several to none.
     */
    public static void acknowledge(String label) {
        ActiveRun run = ActiveRuns.forAcknowledgement();
        if (run != null) {
            run.recorder().acknowledge(label);
        } else {
            dev.crashlab.faults.syscall.SyscallRecording.acknowledge(label);
        }
    }

    /**
     * From now on the calling thread's I/O belongs to no run but the ones it starts itself: outside
     * them its calls pass untouched, where a thread no run started has each call offered to every
     * run in progress (a pool's thread may be doing a target's work). For a harness's own worker
     * that judges crash states while other workers record: its thousands of calls per second were
     * each decoded by the other workers' runs, only to be found outside their roots. The thread
     * must not do I/O a run of another thread should see.
     */
    public static void keepOutOfOthersRuns() {
        ActiveRuns.keepOut();
    }

    /**
     * How replaying {@code trace} onto its snapshot differs from the directory under {@code root}, one
     * line per file: empty when the trace is complete. For recordings made another way (the system calls).
     */
    public static List<String> differences(IoTrace trace, Path root) {
        return Completeness.differences(trace, root);
    }

    /**
     * Runs {@code task} here, with no recording of its own, and says how many runs it began, on this
     * thread or the threads it started: code timed without instrumentation must begin none.
     */
    public static long counted(Task task) throws Exception {
        java.util.concurrent.atomic.AtomicLong begun = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong outer = COUNTING.get();
        COUNTING.set(begun);
        try {
            task.run();
        } finally {
            COUNTING.set(outer);
        }
        return begun.get();
    }

    /**
     * Runs {@code workload} under the instrumentation and the plan.
     *
     * @throws IllegalStateException starting with {@link #OWN_FAILURE} if crashlab's own code failed
     *                               inside one of the workload's calls: the workload never saw it
     *                               (the call went on as without crashlab), but the trace is incomplete
     */
    public RunResult go(Task workload) {
        java.util.concurrent.atomic.AtomicLong counting = COUNTING.get();
        if (counting != null) {
            counting.incrementAndGet();
        }
        Agent.install();
        Snapshot before = Snapshot.of(scope.root());
        ActiveRun run = ActiveRun.of(scope, plan, onlyRunThreads, notMine);
        Interceptor interceptor = new Interceptor(run);
        Throwable thrown = null;
        run.threads().markRunThread();
        ActiveRun outer = ActiveRuns.enter(run);
        Activation.activate(interceptor);
        try {
            workload.run();
        } catch (Throwable t) {
            thrown = t;
        } finally {
            Activation.deactivate(interceptor);
            ActiveRuns.leave(run, outer);
            run.threads().unmarkRunThread();
        }
        IoTrace trace = new IoTrace(before, run.recorder().ops());
        List<String> unseen = new ArrayList<>(run.blindSpots().list());
        SimulatedCrash crash = run.liveness().crash();
        if (checkComplete && thrown == null && crash == null && unseen.isEmpty()) {
            Completeness.differences(trace, scope.root()).forEach(d -> unseen.add(
                    d + " (replaying the recorded trace does not give back the directory the run left)"));
        }
        Throwable own = run.own().first();
        if (own != null) {
            // The target's call went on as the JDK makes it, unrecorded: the trace is incomplete.
            throw new IllegalStateException(OWN_FAILURE + " (" + own + " inside an intercepted call of the target;"
                    + " the call went on as without crashlab, but the recording missed it, so nothing is judged)", own);
        }
        return RunResult.of(trace, crash, thrown, run.liveness().attemptsAfterDeath(),
                run.pauses().callbackErrors(), unseen, run.recorder().acknowledgements());
    }
}
