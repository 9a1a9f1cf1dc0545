package dev.crashlab.scenarios.api;

import dev.crashlab.faults.crash.Roots;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.syscall.SyscallRecording;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Model;
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
     * A reader still reading after this long, the writer held still, is taken to wait for the writer
     * (a lock it holds): the writer goes on, and the point judges what the reader found once it could.
     */
    private static final long READER_WAITS_SECONDS = 10;

    private SyscallReaderJudge() {
    }

    static void judge(CrashTarget target, int fault, WriterRun recorded, Roots roots, Cells cells, List<String> notes) {
        cells.declare(fault, Guarantee.G1, Model.CONCURRENT_READER);
        if (target.recovers()) {
            notes.add(target.name() + ": G1 (concurrent reader) not judged: the writer was recorded at the system calls,"
                    + " and its recovery would change the files under a held writer at every call, each point a run of"
                    + " its own in a child JVM");
            return;
        }
        cells.clock().begin(Model.CONCURRENT_READER.wireName() + Scenario.faultSuffixOf(target, fault));
        Path root = roots.fresh();
        WriterRun.setUp(target, root, true);
        List<Point> points = new ArrayList<>();
        int expected = Math.max(1, recorded.trace().size());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "crashlab-reader");
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        RunResult run;
        SyscallRecording held = SyscallWriter.recording(target, root);
        try {
            points.add(read(target, root, 0, readers));
            run = held.goStopping(SyscallWriter.command(target, root), at -> {
                if (!cells.clock().over()) {
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
            Scenario s = new Scenario(target, fault, Model.CONCURRENT_READER, p.at, paused.trace());
            boolean first = !admitted && !failed;
            failed |= !admitted;
            cells.judge(fault, Guarantee.G1, Model.CONCURRENT_READER, admitted,
                    () -> Counterexamples.paused(s, p.at, promised, p.saw, expect),
                    () -> first ? Explanations.paused(target, recorded, paused.trace(), p.at, roots, cells.explaining())
                            : null);
        }
        if (cells.clock().over() && points.size() <= run.trace().size()) {
            cells.unexplored(fault, Guarantee.G1, Model.CONCURRENT_READER);
        }
        if (held.unreadStops() > 0) {
            cells.unexplored(fault, Guarantee.G1, Model.CONCURRENT_READER);
            notes.add(target.name() + ": G1 (concurrent reader) not judged at " + held.unreadStops() + " of the writer's"
                    + " stops: its processes were not seen still within 10 s (a task asleep in the kernel where crashlab"
                    + " cannot tell that it waits for a stopped one), so no reader ran there");
        }
        if (waited > 0 && !target.readersWaitForWriter()) {
            notes.add(target.name() + ": the reader was still reading " + READER_WAITS_SECONDS + " s after the writer was"
                    + " held at " + waited + " of " + points.size() + " points, so those points judged what it read once"
                    + " the writer went on; if its readers wait for the writer by design, declare .readersWaitForWriter()");
        }
        if (paused.returned()) {
            Reading saw = Reading.of(target, root, CrashTarget.Where.LIVE);
            Scenario s = new Scenario(target, fault, Model.CONCURRENT_READER, paused.trace().size() + 1, paused.trace());
            CrashTarget.Acknowledged all = paused.acknowledgedAt(paused.trace().size());
            cells.judge(fault, Guarantee.G1, Model.CONCURRENT_READER, expect.admits(saw, all),
                    () -> Counterexamples.paused(s, paused.trace().size(), all, saw, expect), () -> null);
        }
        cells.clock().end();
    }

    private static Point read(CrashTarget target, Path root, int at, ExecutorService readers) {
        Point p = new Point(at, readers.submit(() -> Reading.of(target, root, CrashTarget.Where.LIVE)));
        try {
            p.saw = p.reading.get(READER_WAITS_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.waited = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reader read beside the held writer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the reader's thread failed: " + e.getCause(), e.getCause());
        }
        return p;
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
