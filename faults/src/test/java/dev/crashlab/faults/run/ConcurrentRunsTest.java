package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoOp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of one JVM go on side by side, each on a root of its own: a run's trace holds exactly what
 * it held when the run went on alone, whatever the other run did meanwhile. A call goes to the run
 * its thread works for (the one that called go, and the threads it starts); a thread no run
 * started (a pool's, made before) goes to the run whose root its call is under.
 */
class ConcurrentRunsTest {

    @TempDir
    Path tmp;

    private ExecutorService foreign;

    @BeforeEach
    void startAThreadNoRunStarted() throws Exception {
        foreign = Executors.newSingleThreadExecutor();
        foreign.submit(() -> { }).get();
    }

    @AfterEach
    void stop() {
        foreign.shutdownNow();
    }

    /** Writes, publishes and acknowledges under {@code root}, with a child thread and a pool thread doing part of it. */
    private Task workload(Path root, String name, CountDownLatch bothStarted) {
        return () -> {
            Path temp = root.resolve(name + ".tmp");
            Files.write(temp, (name + " one").getBytes(StandardCharsets.UTF_8));
            bothStarted.countDown();
            // a watchdog, not an ordering by time: the other run has written once and is still going on
            if (!bothStarted.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other run never started");
            }
            Thread child = new Thread(() -> root.resolve(name + "-by-child").toFile().mkdir());
            child.start();
            child.join();
            foreign.submit(() -> Files.createDirectory(root.resolve(name + "-by-pool"))).get();
            Files.move(temp, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            Run.acknowledge(name + " published");
            Files.write(root.resolve(name), " two".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        };
    }

    private static List<String> ops(RunResult r) {
        return r.trace().ops().stream().map(IoOp::describe)
                .map(line -> line.replaceAll("\\s+at .*", "").replaceAll("\\[[^]]*]", "")).toList();
    }

    @Test
    void eachRunsTraceIsTheOneItHasAlone() throws Exception {
        RunResult aloneA = Run.in(Files.createDirectories(tmp.resolve("alone-a"))).go(
                workload(tmp.resolve("alone-a"), "a", new CountDownLatch(1)));
        RunResult aloneB = Run.in(Files.createDirectories(tmp.resolve("alone-b"))).go(
                workload(tmp.resolve("alone-b"), "b", new CountDownLatch(1)));

        CountDownLatch bothStarted = new CountDownLatch(2);
        Path rootA = Files.createDirectories(tmp.resolve("side-a"));
        Path rootB = Files.createDirectories(tmp.resolve("side-b"));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> a = two.submit(() -> Run.in(rootA).go(workload(rootA, "a", bothStarted)));
            Future<RunResult> b = two.submit(() -> Run.in(rootB).go(workload(rootB, "b", bothStarted)));
            RunResult sideA = a.get(60, TimeUnit.SECONDS);
            RunResult sideB = b.get(60, TimeUnit.SECONDS);
            assertEquals(null, sideA.thrown());
            assertEquals(null, sideB.thrown());
            assertEquals(ops(aloneA), ops(sideA), sideA.trace().listing());
            assertEquals(ops(aloneB), ops(sideB), sideB.trace().listing());
            // the child's and the pool thread's operations are in, the other run's are not
            assertEquals(List.of("a.tmp", "a.tmp", "a.tmp", "a-by-child", "a-by-pool", "a.tmp", "a", "a"),
                    sideA.trace().ops().stream().map(IoOp::path).toList(), sideA.trace().listing());
            assertEquals(aloneA.acknowledgements(), sideA.acknowledgements());
            assertEquals(aloneB.acknowledgements(), sideB.acknowledgements());
            assertEquals("a published", sideA.acknowledgements().get(0).label());
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * A worker kept out of others' runs (a harness's lane judging states while another lane records)
     * has its calls under a run's root pass untouched, where a thread no run started has them
     * recorded; its own run still records its own calls.
     */
    @Test
    void aThreadKeptOutOfOthersRunsIsInNoneButItsOwn() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("recorded"));
        Path own = Files.createDirectories(tmp.resolve("own"));
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        ExecutorService kept = Executors.newSingleThreadExecutor();
        ExecutorService recording = Executors.newSingleThreadExecutor();
        try {
            kept.submit(Run::keepOutOfOthersRuns).get();
            Future<RunResult> run = recording.submit(() -> Run.in(root).go(() -> {
                Files.createDirectory(root.resolve("by-run"));
                inRun.countDown();
                if (!othersDone.await(60, TimeUnit.SECONDS)) { // a watchdog, not an ordering by time
                    throw new IllegalStateException("the other threads never wrote");
                }
            }));
            inRun.await(60, TimeUnit.SECONDS);
            kept.submit(() -> Files.createDirectory(root.resolve("by-kept-out"))).get();
            foreign.submit(() -> Files.createDirectory(root.resolve("by-pool"))).get();
            othersDone.countDown();
            RunResult r = run.get(60, TimeUnit.SECONDS);
            assertEquals(List.of("by-run", "by-pool"), r.trace().ops().stream().map(IoOp::path).toList(),
                    r.trace().listing());
            RunResult mine = kept.submit(() -> Run.in(own).go(() -> Files.createDirectory(own.resolve("by-itself"))))
                    .get(60, TimeUnit.SECONDS);
            assertEquals(List.of("by-itself"), mine.trace().ops().stream().map(IoOp::path).toList());
        } finally {
            kept.shutdownNow();
            recording.shutdownNow();
        }
    }

    /** Runs on overlapping roots still take turns: the second begins only once the first is over. */
    @Test
    void runsOnOverlappingRootsTakeTurns() throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("outer"));
        Path inner = Files.createDirectories(outer.resolve("inner"));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch firstIn = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> first = two.submit(() -> Run.in(outer).go(() -> {
                events.add("first in");
                firstIn.countDown();
                awaitSecondWaiting();
                Files.createDirectory(outer.resolve("by-first"));
                events.add("first out");
            }));
            firstIn.await(60, TimeUnit.SECONDS); // a watchdog, not an ordering by time
            Future<RunResult> second = two.submit(() -> {
                secondThread = Thread.currentThread();
                return Run.in(inner).go(() -> {
                    events.add("second in");
                    Files.createDirectory(inner.resolve("by-second"));
                });
            });
            RunResult a = first.get(60, TimeUnit.SECONDS);
            RunResult b = second.get(60, TimeUnit.SECONDS);
            assertEquals(List.of("first in", "first out", "second in"), events);
            assertEquals(List.of("by-first"), a.trace().ops().stream().map(IoOp::path).toList());
            assertEquals(List.of("by-second"), b.trace().ops().stream().map(IoOp::path).toList());
        } finally {
            two.shutdownNow();
        }
    }

    private volatile Thread secondThread;

    /** Until the second run's thread waits for its turn: a pause point read from the thread's state. */
    private void awaitSecondWaiting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a watchdog
        while (secondThread == null || secondThread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the second run never waited for its turn");
            }
            Thread.onSpinWait();
        }
    }
}
