package dev.crashlab.scenarios.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.WriteOnceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real threads, real disk: one writer puts 300 keys (values of 0 B to 1 MiB) with
 * FILE_AND_DIRECTORY while two reader threads read every key over and over, and count torn reads
 * (G1: a reader sees no entry or the complete value written, nothing else).
 *
 * <p>Free-running readers catch a torn entry only if the scheduler happens to run them inside the
 * writer's window, so the stress also makes the window certain: the writer runs under the
 * harness's instrumentation and, for a few keys, pauses before each of its file operations while
 * every reader thread reads that key once (a handoff through a latch; no sleeps, no clock). Under
 * the reference protocol neither kind of read may be torn; under stream-to-final the paused reads
 * must be, which proves the count can fail.
 */
class ReaderThreadsStressTest {

    static final int KEYS = 300;
    static final int READERS = 2;
    /** Keys whose put pauses at every operation: a small, a 1 MiB and a 64-320 KiB one, and the last. */
    static final Set<Integer> PAUSED = Set.of(0, 25, 133, KEYS - 1);

    @TempDir
    Path tmp;

    /**
     * Installs the instrumentation (several seconds the first time in a JVM) before any reader
     * thread starts spinning, so the stress itself is not spent competing with the installation.
     */
    @BeforeAll
    static void installInstrumentation(@TempDir Path scratch) {
        Run.in(scratch).onlyRunThreads().go(() -> { });
    }

    /** A key the writer has paused on, waiting for every reader to read it once. */
    private record Handoff(int key, String point, CountDownLatch served) {
    }

    /** What the readers saw, together and at the paused points alone. */
    record Outcome(long reads, long torn, long missing, long pauses, long handoffs, long handoffTorn,
                   List<String> samples) {
        String describe() {
            return reads + " reads, " + torn + " torn (" + handoffTorn + " of them among the " + handoffs
                    + " reads at " + pauses + " pause points), " + missing + " keys missing at the end; first torn: "
                    + samples;
        }
    }

    Outcome stress(Protocol protocol) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(protocol.catalogId()));
        WriteOnceStore<byte[]> store = protocol.on(WriteOnceStore.builder(root, Codecs.bytes())
                .durability(Durability.FILE_AND_DIRECTORY)).build();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Handoff> pending = new AtomicReference<>();
        AtomicInteger gone = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(READERS);
        List<ReaderLoop> loops = new ArrayList<>();
        long[] handoffReads = new long[READERS];
        long[] handoffTorn = new long[READERS];
        List<Thread> readers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < READERS; r++) {
            ReaderLoop loop = new ReaderLoop(root, StressData.VARIED, KEYS, line -> { });
            loops.add(loop);
            int me = r;
            Handoff[] served = new Handoff[1];
            Thread t = new Thread(() -> {
                started.countDown();
                try {
                    loop.run(done::get, () -> {
                        Handoff h = pending.get();
                        if (h != null && h != served[0]) {
                            served[0] = h;
                            handoffReads[me]++;
                            if (loop.read(h.key()) == ReaderLoop.Seen.TORN) {
                                handoffTorn[me]++;
                            }
                            h.served().countDown();
                        }
                    });
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    // A reader that ends early must not leave the writer waiting for its answer.
                    gone.incrementAndGet();
                    Handoff h = pending.get();
                    while (h != null && h.served().getCount() > 0) {
                        h.served().countDown();
                    }
                }
            }, "stress-reader-" + r);
            t.setDaemon(true);
            readers.add(t);
        }
        readers.forEach(Thread::start);
        started.await();

        // The writer: this thread, under instrumentation that sees only its own I/O (not the readers').
        int[] current = {-1};
        long[] pausePoints = {0};
        FaultPlan pauses = new FaultPlan() {
            @Override
            public void before(Operation op) {
                int key = current[0];
                if (PAUSED.contains(key)) {
                    pausePoints[0]++;
                    String point = "before #" + op.index() + " " + op.kind() + " " + op.path();
                    op.pause(() -> handOff(pending, gone, new Handoff(key, point, new CountDownLatch(READERS))));
                }
            }
        };
        RunResult run;
        try {
            run = Run.in(root).onlyRunThreads().plan(pauses).go(() -> {
                for (int i = 0; i < KEYS; i++) {
                    current[0] = i;
                    store.put(StressData.key(i), StressData.VARIED.value(i).bytes());
                }
                current[0] = -1;
            });
        } finally {
            done.set(true);
            for (Thread t : readers) {
                t.join();
            }
        }
        assertEquals(null, run.thrown(), "the writer failed");
        assertEquals(List.of(), run.callbackErrors(), "a pause handoff failed");
        assertEquals(List.of(), failures, "a reader thread failed");

        long reads = 0;
        long torn = 0;
        long missing = 0;
        List<String> samples = new ArrayList<>();
        for (ReaderLoop loop : loops) {
            reads += loop.reads;
            torn += loop.torn;
            missing += loop.missing(KEYS);
            samples.addAll(loop.samples);
        }
        Outcome o = new Outcome(reads, torn, missing, pausePoints[0], Arrays.stream(handoffReads).sum(),
                Arrays.stream(handoffTorn).sum(), samples.subList(0, Math.min(5, samples.size())));
        System.out.println("[crashlab] reader threads vs " + protocol.catalogId() + ": " + o.describe());
        return o;
    }

    /**
     * On the pause thread: offers the key to every reader and waits until each has read it once. A
     * reader that has ended (a failure, reported by the test) releases the wait instead.
     */
    private static void handOff(AtomicReference<Handoff> pending, AtomicInteger gone, Handoff h) {
        pending.set(h);
        try {
            if (gone.get() > 0) {
                return;
            }
            // Not a timing assumption: only a guard against a hang if a reader thread died.
            if (!h.served().await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("reader threads stopped answering at " + h.point());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pending.set(null);
        }
    }

    @Test
    void theReferenceProtocolShowsNoReaderThreadATornEntry() throws Exception {
        Outcome o = stress(Protocol.REFERENCE);
        assertEquals(0, o.torn(), o::describe);
        assertEquals(0, o.missing(), o::describe);
        // Every reader read each paused key at each of its put's operations (create, write, fsync, close, rename, ...).
        assertTrue(o.pauses() >= PAUSED.size() * 4L, o::describe);
        assertEquals(o.pauses() * READERS, o.handoffs(), o::describe);
        assertTrue(o.reads() >= (long) KEYS * READERS, o::describe);
    }

    @Test
    void streamToFinalShowsReaderThreadsTornEntries() throws Exception {
        Outcome o = stress(Protocol.STREAM_TO_FINAL);
        // Deterministic: before the first write of a paused put the entry file exists and is empty.
        assertTrue(o.handoffTorn() > 0, o::describe);
        assertTrue(o.torn() >= o.handoffTorn(), o::describe);
        assertEquals(0, o.missing(), o::describe);
    }
}
