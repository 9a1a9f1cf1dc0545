package dev.crashlab.faults.oracle;

import dev.crashlab.faults.crash.Ext4Like;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.trace.IoTrace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel oracle: every idiom of the {@link Corpus} runs on fresh file systems on loop devices
 * (ext4 with default options and with noauto_da_alloc, ext4 on short writeback clocks, xfs, btrfs;
 * see {@link FsSetup}), paused by crashlab before each of its operations and after its last; at
 * each pause the device is copied without any sync (a power cut, {@link LoopFs}), and again after
 * a journal commit by another file or after letting the kernel write back; each copy is mounted and
 * the idiom's directory read: the real states. Every real state must be one the file system's
 * model allows at that crash point of the idiom's trace; one outside it fails the idiom, printed
 * beside the model's nearest state. The other built-in models are judged too, for the table
 * ({@link KernelTable}), not asserted.
 *
 * <p>Needs root, loop devices and the mkfs tools; tagged "kernel" so that only the kernel-oracle
 * profile runs it ({@code mvn -Pkernel-oracle -pl faults -am test}, which .ci/run does), and it
 * skips, saying why, where it cannot run.
 */
@Tag("kernel")
class KernelOracleTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicNode> everyRealStateIsOneTheModelAllows() throws Exception {
        String why = KernelCheck.unavailable();
        if (why != null) {
            System.out.println("kernel oracle skipped: " + why);
            return Stream.of(DynamicTest.dynamicTest("kernel unavailable", () -> Assumptions.abort(why)));
        }
        List<Idiom> corpus = Corpus.all();
        Map<String, Recorded> recorded = new LinkedHashMap<>();
        for (Idiom idiom : corpus) {
            recorded.put(idiom.name(), record(idiom));
        }
        KernelTable table = new KernelTable(Shell.run("uname", "-r"));
        List<DynamicNode> nodes = new ArrayList<>();
        try {
            // -Dcrashlab.kernel.setups=ext4,xfs runs only those (when a model change needs one file system again).
            String only = System.getProperty("crashlab.kernel.setups", "");
            for (FsSetup setup : FsSetup.all()) {
                if (!only.isBlank() && !List.of(only.split(",")).contains(setup.name())) {
                    continue;
                }
                String missing = KernelCheck.missingTool(setup);
                if (missing != null) {
                    System.out.println("kernel oracle: " + setup.name() + " skipped: " + missing);
                    nodes.add(DynamicTest.dynamicTest(setup.name() + " unavailable", () -> Assumptions.abort(missing)));
                    continue;
                }
                long started = System.nanoTime();
                Map<String, List<RealState>> seen = observe(setup, corpus, recorded);
                Map<String, Recorded> ran = new LinkedHashMap<>(recorded);
                ran.keySet().removeIf(name -> !setup.runs(Corpus.named(name)));
                KernelJudge judge = new KernelJudge(setup, ran, seen);
                table.add(setup, judge);
                table.write();
                System.out.printf("kernel oracle: %s: %d real states (%d distinct), %d outside %s, in %d ms%n", setup.name(),
                        judge.realStates(), judge.distinctStates(), judge.outside(setup.model().name()), setup.model().name(),
                        (System.nanoTime() - started) / 1_000_000);
                List<DynamicTest> tests = new ArrayList<>(corpus.stream().filter(setup::runs).map(idiom ->
                        DynamicTest.dynamicTest(idiom.name(), () -> judge.assertSound(idiom.name()))).toList());
                Reproduced.of(setup).forEach(r -> tests.add(DynamicTest.dynamicTest(r.toString(), () -> r.assertSeen(recorded, seen))));
                nodes.add(DynamicContainer.dynamicContainer(setup.name(), tests));
            }
        } finally {
            Elsewhere.clean(tmp.resolve("recorded"));
            removeWorkDirectory();
        }
        return nodes.stream();
    }

    private static Path workDirectory() {
        return Path.of("/dev/shm", "crashlab-kernel-" + ProcessHandle.current().pid());
    }

    /** The mount points left once every file system is unmounted (empty directories on tmpfs); kept if one is still mounted. */
    private static void removeWorkDirectory() {
        if (!Files.exists(workDirectory())) {
            return;
        }
        try (Stream<Path> walk = Files.walk(workDirectory())) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("kernel oracle: " + workDirectory() + " left behind: " + e.getMessage());
        }
    }

    /** An idiom's fault-free trace, recorded here on an ordinary directory, or why it could not be. */
    record Recorded(IoTrace trace, String problem) {
    }

    private Recorded record(Idiom idiom) {
        try {
            Path root = Files.createDirectories(tmp.resolve("recorded").resolve(idiom.name()));
            idiom.setUp().run(root);
            return new Recorded(Run.record(root, () -> idiom.body().run(root)), null);
        } catch (Throwable e) {
            return new Recorded(null, "crashlab could not record the idiom: " + e);
        }
    }

    /** One power cut: at which crash point of the idiom's trace, which cut, and the idiom's directory in it. */
    record RealState(int point, FsSetup.Cut cut, DirectoryState state, String problem) {
    }

    /** Runs every idiom on a fresh file system of this setup in one child, cutting at every pause. */
    private static Map<String, List<RealState>> observe(FsSetup setup, List<Idiom> corpus, Map<String, Recorded> recorded)
            throws Exception {
        Path work = Files.createDirectories(workDirectory().resolve(setup.name()));
        Map<String, Idiom> byDirectory = new LinkedHashMap<>();
        for (Idiom idiom : corpus) {
            if (setup.runs(idiom) && recorded.get(idiom.name()).problem() == null) {
                byDirectory.put(String.format("%03d", byDirectory.size()), idiom);
            }
        }
        Map<String, List<RealState>> seen = new LinkedHashMap<>();
        try (Writeback clocks = new Writeback(setup); LoopFs fs = new LoopFs(setup, work)) {
            Path base = Files.createDirectory(fs.mountPoint().resolve("idioms"));
            Path plan = work.resolve("plan.txt");
            Files.write(plan, PausedChild.plan(byDirectory), StandardCharsets.UTF_8);
            Cutter cutter = new Cutter(setup, fs, seen);
            Process child = new ProcessBuilder(ChildJvm.command(PausedChild.class, List.of(base.toString(), plan.toString())))
                    .redirectErrorStream(true).start();
            List<String> other = new ArrayList<>();
            boolean done = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line; !done && (line = out.readLine()) != null; ) {
                    if (!line.startsWith("ORACLE ")) {
                        if (other.size() < 50) {
                            other.add(line);
                        }
                        continue;
                    }
                    String[] words = line.substring("ORACLE ".length()).split(" ", 4);
                    switch (words[0]) {
                        case "set" -> Shell.run("sync", "-f", base.toString());
                        case "paused" -> cutter.cut(words[1], byDirectory.get(words[1]), Integer.parseInt(words[2]),
                                words[3].split(" ")[0], recorded);
                        case "finished" -> cutter.cut(words[1], byDirectory.get(words[1]), -1,
                                words.length > 2 ? String.join(" ", List.of(words).subList(2, words.length)) : null, recorded);
                        case "all" -> done = true;
                        default -> other.add(line);
                    }
                    if (!done) {
                        go.write("go\n");
                        go.flush();
                    }
                }
            } finally {
                // A watchdog, not a timing: the child has finished once it said so.
                if (!child.waitFor(done ? 60 : 0, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor();
                }
                cutter.finish();
            }
            if (!done) {
                throw new IllegalStateException(setup.name() + ": the child ended before every idiom ran:\n" + String.join("\n", other));
            }
        }
        return seen;
    }

    /**
     * Takes the setup's cuts at one pause point, then lets the writer go on while another thread
     * mounts the cuts and reads the idiom's directory (a cut equal to the one before it is not
     * mounted again).
     */
    private static final class Cutter {
        private final FsSetup setup;
        private final LoopFs fs;
        private final Map<String, List<RealState>> seen;
        /**
         * One thread: a mount or umount spawned while another thread of this JVM has a file of a cut
         * open lets the spawned process inherit that descriptor for a moment, and that cut's umount
         * then fails with EBUSY.
         */
        private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.Semaphore pending = new java.util.concurrent.Semaphore(8);
        private final List<Runnable> collect = new ArrayList<>();
        private int points;
        private long lastDigest;
        private String lastDirectory;
        private java.util.concurrent.Future<DirectoryState> lastState;

        Cutter(FsSetup setup, LoopFs fs, Map<String, List<RealState>> seen) {
            this.setup = setup;
            this.fs = fs;
            this.seen = seen;
        }

        /**
         * @param point the crash point, or -1 for after the body (the end of its trace)
         * @param note  for a pause, the kind of the operation about to run; after the body, how it ended
         */
        void cut(String dir, Idiom idiom, int point, String note, Map<String, Recorded> recorded) throws Exception {
            IoTrace trace = recorded.get(idiom.name()).trace();
            List<RealState> states = seen.computeIfAbsent(idiom.name(), k -> new ArrayList<>());
            String problem = null;
            int at = point < 0 ? trace.size() : point;
            if (point < 0 && note != null) {
                problem = "the body threw here but not when recorded: " + note;
            } else if (point >= trace.size()) {
                problem = "paused before operation #" + point + ", but the recorded trace has " + trace.size();
            } else if (point >= 0 && !trace.get(point).kind().name().equals(note)) {
                problem = "paused before a " + note + " where the recorded trace has #" + point + " " + trace.get(point).describe();
            }
            points++;
            for (FsSetup.Cut cut : setup.cuts()) {
                if (!prepare(cut)) {
                    continue;
                }
                byte[] image = fs.cut();
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(image);
                if (crc.getValue() != lastDigest || !dir.equals(lastDirectory)) {
                    Path copy = fs.keep(image);
                    pending.acquire();
                    lastState = readers.submit(() -> {
                        try {
                            return new DirectoryState(fs.read(copy, "idioms/" + dir));
                        } finally {
                            pending.release();
                        }
                    });
                    lastDigest = crc.getValue();
                    lastDirectory = dir;
                }
                java.util.concurrent.Future<DirectoryState> state = lastState;
                String why = problem;
                collect.add(() -> states.add(new RealState(at, cut, get(state), why)));
            }
        }

        /** Waits for every cut to be read, in the order they were taken. */
        void finish() {
            readers.shutdown();
            collect.forEach(Runnable::run);
        }

        private static DirectoryState get(java.util.concurrent.Future<DirectoryState> state) {
            try {
                return state.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a cut could not be read: " + e.getCause(), e.getCause());
            }
        }

        /** Lets the kernel do what the cut is about; false for a timer cut this point skips. */
        private boolean prepare(FsSetup.Cut cut) throws Exception {
            switch (cut) {
                case COMMITTED -> fs.commitByAnotherFile();
                // Real time, on purpose: the kernel's flusher and commit timer run on their own clocks,
                // and the oracle's question is what they wrote in that time. Nothing here orders threads.
                case WRITTEN_BACK -> Thread.sleep(setup.writtenBackMillis());
                case TIMER -> {
                    if (points % setup.timerEvery() != 0) {
                        return false;
                    }
                    Thread.sleep(setup.timerMillis());
                }
                default -> { }
            }
            return true;
        }
    }

    /** The models every real state is judged against: the built-in ones, and ext4-like with auto_da_alloc. */
    static List<PersistenceModel> models() {
        List<PersistenceModel> models = new ArrayList<>(PersistenceModel.builtIn());
        models.add(models.indexOf(models.stream().filter(m -> m instanceof Ext4Like).findFirst().orElseThrow()) + 1,
                new Ext4Like(true));
        return models;
    }
}
