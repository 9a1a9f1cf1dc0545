package dev.crashlab.scenarios.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.MoveAsCopy;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real reader processes: two child JVMs ({@link StressReaderMain}) read a store directory in a
 * loop while this JVM writes to it, until a "done" marker file appears. G1 holds across processes:
 * under the reference protocol no child may see a torn entry.
 *
 * <p>Each run has two phases. First a few puts run under the harness's instrumentation, paused
 * before each of their file operations while every child reads the key being put (a handoff
 * through a probe file and the child's answer on stdout: deterministic, no clock). Then the rest
 * run free, as fast as they go, while the children poll.
 *
 * <p>Seed 001 for real: under temp-elsewhere, with the temp directory on tmpfs and the entries on
 * disk, a put's move crosses file systems, so it is a copy that creates the entry at its final name
 * and fills it. In the paused phase the instrumentation performs that copy in Java in 1 MiB chunks
 * ({@code MoveAsCopy.acrossFileStores}, as the faults module's Seed001Test does) and the children
 * read between chunks: they must see a torn entry. In the free phase the JDK itself copies; whether
 * a child is on a CPU during a copy of a few milliseconds is up to the scheduler, so what the
 * children see there is printed, not asserted.
 */
class ReaderProcessesStressTest {

    static final int CHILDREN = 2;

    @TempDir
    Path tmp;

    /** Installs the instrumentation (seconds, the first time in a JVM) before any child starts. */
    @BeforeAll
    static void installInstrumentation(@TempDir Path scratch) {
        Run.in(scratch).onlyRunThreads().go(() -> { });
    }

    /** One reader JVM, its output collected by a thread as it arrives. */
    static final class Child {
        final Process process;
        final CountDownLatch ready = new CountDownLatch(1);
        /** Torn reads of keys put in the free phase (the paused keys' are counted apart). */
        final AtomicLong freeTorn = new AtomicLong();
        final AtomicLong servedTorn = new AtomicLong();
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Thread drain;
        volatile String result;
        /** Set when the child's output ended (it exited or died). */
        volatile boolean ended;

        Child(Process process, int n, Map<Long, CountDownLatch> handoffs, int firstFreeKey) {
            this.process = process;
            this.drain = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.equals("ready")) {
                            ready.countDown();
                        } else if (line.startsWith("torn ")) {
                            if (keyOf(line) >= firstFreeKey) {
                                freeTorn.incrementAndGet();
                            }
                            if (lines.size() < 20) {
                                lines.add(line);
                            }
                        } else if (line.startsWith("served ")) {
                            String[] parts = line.split(" ");
                            if (parts[2].equals("torn")) {
                                servedTorn.incrementAndGet();
                            }
                            handoffs.get(Long.parseLong(parts[1])).countDown();
                        } else if (line.startsWith("result ")) {
                            result = line.substring("result ".length());
                        } else if (lines.size() < 40) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    lines.add("reading the child's output failed: " + e);
                } finally {
                    // A child that died must not leave the writer waiting: for "ready", or for an answer.
                    ended = true;
                    ready.countDown();
                    handoffs.values().forEach(l -> {
                        while (l.getCount() > 0) {
                            l.countDown();
                        }
                    });
                }
            }, "stress-child-" + n + "-output");
            drain.setDaemon(true);
            drain.start();
        }

        /** The key number of a line {@code torn stress/key-N: ...}. */
        static int keyOf(String tornLine) {
            String rest = tornLine.substring(tornLine.indexOf("key-") + 4);
            return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
        }

        long field(String name) {
            for (String part : result.split(" ")) {
                if (part.startsWith(name + "=")) {
                    return Long.parseLong(part.substring(name.length() + 1));
                }
            }
            throw new IllegalStateException("no " + name + " in " + result);
        }
    }

    /**
     * What the readers saw while {@code written} keys were put: {@code handoffTorn} of their torn
     * reads were at the pause points, {@code freeTorn} were of keys put in the free phase.
     */
    record Outcome(int written, List<String> results, long torn, long missing, long reads, long pauses,
                   long handoffTorn, long freeTorn, List<String> samples) {
        String describe() {
            return written + " keys written; " + pauses + " pause points, at which the readers' reads were torn "
                    + handoffTorn + " times; torn reads of keys put freely: " + freeTorn + "; readers in all: "
                    + results + "; first torn: " + samples;
        }
    }

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Starts the children and waits until both are reading; puts keys {@code 0..paused-1} under
     * instrumentation, pausing before each file operation until every child has read the key; puts
     * the rest, up to {@code maxKeys}, freely (stopping early if {@code stopAtFirstTorn} and a
     * child has reported a torn read); writes the done marker and collects the children's reports.
     * Children are destroyed in any case.
     *
     * @param watched the temp-elsewhere directory, to put in the instrumentation's scope; or null
     */
    Outcome stress(String name, WriteOnceStore<byte[]> store, Path watched, StressData data, int paused, int maxKeys,
                   boolean stopAtFirstTorn) throws Exception {
        Path done = tmp.resolve(name + ".done");
        Path probe = tmp.resolve(name + ".probe");
        Map<Long, CountDownLatch> handoffs = new ConcurrentHashMap<>();
        List<Child> children = new ArrayList<>();
        try {
            for (int n = 0; n < CHILDREN; n++) {
                ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx512m", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), StressReaderMain.class.getName(),
                        store.root().toString(), done.toString(), probe.toString(), data.name(), String.valueOf(maxKeys))
                        .redirectErrorStream(true);
                children.add(new Child(pb.start(), n, handoffs, paused));
            }
            for (Child c : children) {
                c.ready.await();
                assertTrue(c.process.isAlive(), () -> "a reader process died before reading: " + c.lines);
            }

            int[] current = {-1};
            long[] seq = {0};
            FaultPlan pauses = new FaultPlan() {
                @Override
                public void before(Operation op) {
                    long mine = ++seq[0];
                    int key = current[0];
                    op.pause(() -> handOff(probe, handoffs, mine, key, children, op));
                }
            };
            Run run = Run.in(store.root()).onlyRunThreads().plan(MoveAsCopy.acrossFileStores(1 << 20).and(pauses));
            if (watched != null) {
                run.watch("temp", watched);
            }
            RunResult result = run.go(() -> {
                for (int i = 0; i < paused; i++) {
                    current[0] = i;
                    store.put(StressData.key(i), data.value(i).bytes());
                }
            });
            assertEquals(null, result.thrown(), "the paused puts failed");
            assertEquals(List.of(), result.callbackErrors(), "a handoff to the reader processes failed");

            int written = paused;
            while (written < maxKeys) {
                store.put(StressData.key(written), data.value(written).bytes());
                written++;
                if (stopAtFirstTorn && children.stream().anyMatch(c -> c.freeTorn.get() > 0)) {
                    break;
                }
            }
            Path marker = tmp.resolve(name + ".done.tmp");
            Files.writeString(marker, String.valueOf(written));
            Files.move(marker, done, StandardCopyOption.ATOMIC_MOVE);
            for (Child c : children) {
                // A guard against a hung child, not a timing assumption: the child ends one pass after the marker.
                assertTrue(c.process.waitFor(5, TimeUnit.MINUTES), "a reader process did not finish: " + c.lines);
                c.drain.join();
                assertEquals(0, c.process.exitValue(), () -> "reader process failed: " + c.lines);
                assertTrue(c.result != null, () -> "no result line from a reader process: " + c.lines);
            }
            List<String> results = new ArrayList<>();
            List<String> samples = new ArrayList<>();
            long torn = 0;
            long missing = 0;
            long reads = 0;
            long handoffTorn = 0;
            long freeTorn = 0;
            for (Child c : children) {
                freeTorn += c.freeTorn.get();
                results.add(c.result);
                torn += c.field("torn");
                missing += c.field("missing");
                reads += c.field("reads");
                handoffTorn += c.servedTorn.get();
                samples.addAll(c.lines.subList(0, Math.min(3, c.lines.size())));
            }
            Outcome o = new Outcome(written, results, torn, missing, reads, seq[0], handoffTorn, freeTorn, samples);
            System.out.println("[crashlab] reader processes vs " + name + ": " + o.describe());
            return o;
        } finally {
            for (Child c : children) {
                c.process.destroyForcibly();
                c.process.waitFor();
            }
        }
    }

    /**
     * On the pause thread: asks every child to read {@code key} (the probe file, written by rename)
     * and waits for each one's answer. Children that died answer nothing, so their death is checked.
     */
    private static void handOff(Path probe, Map<Long, CountDownLatch> handoffs, long seq, int key, List<Child> children,
                                Operation op) {
        CountDownLatch served = new CountDownLatch(children.size());
        handoffs.put(seq, served);
        try {
            if (children.stream().anyMatch(c -> c.ended)) {
                throw new IllegalStateException("a reader process ended before " + op.kind() + " " + op.path());
            }
            Path next = probe.resolveSibling(probe.getFileName() + ".tmp");
            Files.writeString(next, seq + " " + key);
            Files.move(next, probe, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // A guard against a hang if a child died, not a timing assumption.
            if (!served.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("reader processes stopped answering before " + op.kind() + " " + op.path());
            }
            if (children.stream().anyMatch(c -> c.ended)) {
                throw new IllegalStateException("a reader process ended before answering at " + op.kind() + " " + op.path());
            }
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReferenceProtocolShowsNoReaderProcessATornEntry() throws Exception {
        int keys = 200;
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(tmp.resolve("reference"), Codecs.bytes())
                .durability(Durability.FILE_AND_DIRECTORY).build();
        // Paused: a small value, then a 64-320 KiB one.
        Outcome o = stress("reference", store, null, StressData.VARIED, 4, keys, false);
        assertEquals(keys, o.written());
        assertEquals(0, o.torn(), o::describe);
        assertEquals(0, o.missing(), o::describe);
        assertTrue(o.pauses() >= 4 * 4, o::describe);
        assertTrue(o.reads() >= (long) keys * CHILDREN, o::describe);
    }

    /**
     * Temp file on tmpfs, entry on disk. The paused put (about 4 MiB, copied in 1 MiB chunks) must
     * show the children a torn entry: deterministic. Then up to 24 more puts run free with the JDK's
     * own cross-device copy, stopping at the first torn read a child reports; how many the
     * children caught there is printed, not asserted (it depends on scheduling).
     */
    @Test
    void tempElsewhereAcrossFileSystemsShowsReaderProcessesTornEntries() throws Exception {
        Path shm = tmpfsDirectoryOrSkip(tmp);
        try {
            WriteOnceStore<byte[]> store = Protocol.TEMP_ELSEWHERE.on(WriteOnceStore.builder(tmp.resolve("temp-elsewhere"),
                    Codecs.bytes()).durability(Durability.FILE_AND_DIRECTORY), shm).build();
            Outcome o = stress("temp-elsewhere", store, shm, StressData.HUGE, 1, 25, true);
            System.out.println("[crashlab] temp-elsewhere, tmpfs to disk, JDK's own copy: " + o.freeTorn()
                    + " torn reads seen by " + CHILDREN + " reader processes over " + (o.written() - 1) + " free puts"
                    + (o.freeTorn() == 0 ? " (none this time: the copy windows were missed; not asserted)" : ""));
            assertTrue(o.handoffTorn() > 0, o::describe);
            assertEquals(0, o.missing(), o::describe);
        } finally {
            delete(shm);
        }
    }

    /** As the faults module's Tmpfs helper: a tmpfs directory on another file system than {@code onDisk}, or skip. */
    static Path tmpfsDirectoryOrSkip(Path onDisk) throws IOException {
        Path mount = Path.of(System.getProperty("crashlab.tmpfs", "/dev/shm"));
        Assumptions.assumeTrue(Files.isDirectory(mount) && Files.isWritable(mount),
                "needs a writable tmpfs at " + mount + " (set -Dcrashlab.tmpfs=<dir>) for a real cross-device move");
        Assumptions.assumeFalse(Files.getFileStore(mount).equals(Files.getFileStore(onDisk)),
                mount + " is on the same file system as " + onDisk + ": a move between them would not cross devices");
        return Files.createTempDirectory(mount, "crashlab-stress-");
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
