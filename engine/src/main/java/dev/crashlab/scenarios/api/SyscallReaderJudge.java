package dev.crashlab.scenarios.api;

import dev.crashlab.faults.crash.Roots;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.syscall.SyscallRecording;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * G1 for a writer recorded at the system calls: the writer runs again on a fresh root in a traced
 * child, its whole process tree held still after each system call that may change the root while the
 * reader reads the live files here, then let go on. Judged as {@link PausedReaderJudge} judges the
 * JVM recording's pause points: the reader must find what was promised at the point (the same
 * context, verdict and counterexample, the point named by the operations done before it), and once
 * the writer returned, what it promised.
 */
final class SyscallReaderJudge {

    /**
     * A reader found asleep (in the kernel, or in a Java wait) at this many looks in a row, 10 ms apart,
     * with the writer held still, waits for the writer (a lock it holds: SQLite's busy handler sleeps
     * and retries): the writer goes on, as the JVM recording's interleaver lets a paused writer go on
     * when the reader waits, and the point judges what the reader found once it could. A reader that
     * works (reads, computes) is never asleep that long; one that waits would otherwise time out
     * against a writer that never moves, and report a lock-out no real writer causes.
     */
    private static final int ASLEEP_LOOKS = 20;

    private SyscallReaderJudge() {
    }

    static void judge(CrashTarget target, int fault, WriterRun recorded, Roots roots, Cells cells, List<String> notes) {
        cells.declare(fault, Guarantee.G1, Context.CONCURRENT_READER);
        if (target.recovers()) {
            notes.add(target.name() + ": G1 (concurrent reader) not judged: the writer was recorded at the system calls,"
                    + " and its recovery would change the files under a held writer at every call, each point a run of"
                    + " its own in a child JVM");
            return;
        }
        cells.clock().begin(Context.CONCURRENT_READER.wireName() + Scenario.faultSuffixOf(target, fault));
        Path root = roots.fresh();
        WriterRun.setUp(target, root, true);
        List<Point> points = new ArrayList<>();
        int expected = Math.max(1, recorded.trace().size());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int[] passed = {0};
        ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "crashlab-held-reader");
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        RunResult run;
        SyscallRecording held = SyscallWriter.recording(target, root);
        try {
            points.add(read(target, root, 0, readers));
            run = held.goStopping(SyscallWriter.command(target, root), at -> {
                if (!points.get(points.size() - 1).reading.isDone()) {
                    passed[0]++; // the last reader still waits for the writer: it reads once the writer let go
                } else if (!cells.clock().over()) {
                    cells.clock().judged(Math.min(1.0, at / (double) expected));
                    points.add(read(target, root, at, readers));
                }
            });
            for (Point p : points) {
                p.finish();
            }
        } finally {
            readers.shutdownNow();
        }
        // the operations the recording also made keep its source lines (the Java ones after a switch)
        WriterRun paused = new WriterRun(root, run).withTrace(JvmSites.named(run.trace(), recorded.trace()));
        if (!run.unseen().isEmpty()) {
            notes.add(target.name() + ": G1 (concurrent reader) not judged: the run that held the writer at each call"
                    + " could not be decoded: " + String.join("; ", run.unseen()));
            cells.clock().end();
            return;
        }
        cells.visited(points.size());
        Expectation expect = target.expectation();
        int waited = 0;
        boolean failed = false;
        for (Point p : points) {
            waited += p.waited ? 1 : 0;
            CrashTarget.Acknowledged promised = paused.acknowledgedAt(p.at).beforeReturn();
            boolean admitted = expect.admits(p.saw, promised);
            Scenario s = new Scenario(target, fault, Context.CONCURRENT_READER, p.at, paused.trace());
            boolean first = !admitted && !failed;
            failed |= !admitted;
            cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, admitted,
                    () -> Counterexamples.paused(s, p.at, promised, p.saw, expect),
                    () -> first ? Explanations.paused(target, recorded, paused.trace(), p.at, roots, cells.explaining())
                            : null);
        }
        if (cells.clock().over() && points.size() <= run.trace().size()) {
            cells.unexplored(fault, Guarantee.G1, Context.CONCURRENT_READER);
        }
        if (held.unreadStops() > 0) {
            cells.unexplored(fault, Guarantee.G1, Context.CONCURRENT_READER);
            notes.add(target.name() + ": G1 (concurrent reader) not judged at " + held.unreadStops() + " of the writer's"
                    + " stops: its processes were not seen still within 10 s (a task asleep in the kernel where crashlab"
                    + " cannot tell that it waits for a stopped one), so no reader ran there");
        }
        if (waited > 0 && !target.readersWaitForWriter()) {
            notes.add(target.name() + ": the reader waited for the held writer at " + waited + " of " + points.size()
                    + " points, so those points judged what it read once the writer went on"
                    + (passed[0] == 0 ? "" : " (and " + passed[0] + " stops of the writer passed while it waited, unread)")
                    + "; if its readers wait for the writer by design, declare .readersWaitForWriter()");
        }
        if (paused.returned()) {
            Reading saw = Reading.of(target, root, CrashTarget.Where.LIVE);
            Scenario s = new Scenario(target, fault, Context.CONCURRENT_READER, paused.trace().size() + 1, paused.trace());
            CrashTarget.Acknowledged all = paused.acknowledgedAt(paused.trace().size());
            cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, expect.admits(saw, all),
                    () -> Counterexamples.paused(s, paused.trace().size(), all, saw, expect), () -> null);
        }
        cells.clock().end();
    }

    private static Point read(CrashTarget target, Path root, int at, ExecutorService readers) {
        Path[] task = {null};
        Thread[] thread = {null};
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Point p = new Point(at, readers.submit(() -> {
            thread[0] = Thread.currentThread();
            task[0] = Path.of("/proc/thread-self").toRealPath();
            started.countDown();
            return Reading.of(target, root, CrashTarget.Where.LIVE);
        }));
        try {
            started.await();
            for (int asleep = 0; asleep < ASLEEP_LOOKS; ) {
                try {
                    p.saw = p.reading.get(10, TimeUnit.MILLISECONDS);
                    return p;
                } catch (TimeoutException e) {
                    asleep = asleep(thread[0], task[0]) ? asleep + 1 : 0;
                }
            }
            p.waited = true;
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reader read beside the held writer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the reader's thread failed: " + e.getCause(), e.getCause());
        }
    }

    /** Whether the reader's thread sleeps: in a Java wait, or in the kernel (a native sleep, a lock). */
    private static boolean asleep(Thread thread, Path task) {
        Thread.State state = thread.getState();
        if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
            return true;
        }
        try {
            String stat = java.nio.file.Files.readString(task.resolve("stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'S';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What the reader found with {@code at} operations of the writer done. */
    private static final class Point {
        final int at;
        final Future<Reading> reading;
        Reading saw;
        boolean waited;

        Point(int at, Future<Reading> reading) {
            this.at = at;
            this.reading = reading;
        }

        /** A reader that waited finishes once the writer went on. */
        void finish() {
            if (saw == null) {
                try {
                    saw = reading.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while a reader finished", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the reader's thread failed: " + e.getCause(), e.getCause());
                }
            }
        }
    }
}
