package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 oracle: for every idiom of the {@link Corpus} and every crash point of its
 * fault-free trace, a child JVM is stopped at that point and killed with SIGKILL
 * ({@code destroyForcibly}); the directory it leaves must be, byte for byte (temp names aside, see
 * {@link DirectoryState}), the process-crash state crashlab computes for the same point.
 *
 * <p>Crash points: before each operation and after the last ({@link CrashStates} at that point
 * under {@link ProcessCrash}), and inside each write of two bytes or more after 1, half and all but
 * one of its bytes (the state of crashlab's own {@link CrashInsideWrite} run); every byte of every
 * write would be thousands of points that teach nothing the three do not.
 */
class KillOracleTest {

    @TempDir
    Path tmp;

    private int nextDirectory;

    /** One (idiom, point) pair: what crashlab computes, and where the child left its directory. */
    private record Pair(Idiom idiom, CrashPoint point, String dir, Snapshot expected, String expectedKind, String problem) {
    }

    @TestFactory
    Stream<DynamicTest> aRealKillLeavesTheProcessCrashState() throws Exception {
        long started = System.nanoTime();
        List<Idiom> corpus = Corpus.all();
        Map<String, List<Pair>> pairs = new LinkedHashMap<>();
        Map<String, String> unrecorded = new HashMap<>();
        for (Idiom idiom : corpus) {
            try {
                pairs.put(idiom.name(), expectations(idiom));
            } catch (Throwable e) {
                unrecorded.put(idiom.name(), "crashlab could not record the idiom: " + e);
                pairs.put(idiom.name(), List.of());
            }
        }
        Path base = Files.createDirectory(tmp.resolve("killed")).toRealPath();
        Path plan = tmp.resolve("plan.txt");
        List<String> lines = new ArrayList<>();
        pairs.values().forEach(list -> list.forEach(p -> lines.add(p.dir() + "\t" + p.idiom().name() + "\t" + p.point().token())));
        Files.write(plan, lines, StandardCharsets.UTF_8);
        long computed = System.nanoTime();
        Map<String, String> status;
        try {
            status = killChild(base, plan);
        } finally {
            Elsewhere.clean(base);
            Elsewhere.clean(tmp.resolve("recorded"));
            Elsewhere.clean(tmp.resolve("simulated"));
        }
        long killed = System.nanoTime();

        int compared = pairs.values().stream().mapToInt(List::size).sum();
        OracleReport report = new OracleReport("kill", "# kill -9 oracle on Java " + Runtime.version() + "\n\n"
                + corpus.size() + " idioms, " + compared + " (idiom, crash point) pairs; left: the directory after SIGKILL,"
                + " right: crashlab's process-crash state.");
        System.out.printf("kill -9 oracle: %d idioms, %d (idiom, crash point) pairs compared; crashlab's states in %d ms,"
                + " the child until the kill in %d ms%n", corpus.size(), compared, (computed - started) / 1_000_000,
                (killed - computed) / 1_000_000);
        return corpus.stream().map(idiom -> DynamicTest.dynamicTest(idiom.name(), () -> {
            String failure = unrecorded.get(idiom.name());
            if (failure == null) {
                failure = judge(pairs.get(idiom.name()), base, status);
            }
            report.add(idiom.name(), failure == null ? "same state at all " + pairs.get(idiom.name()).size() + " points"
                    : "DIFFERENT", failure);
            KnownGaps.judge(KnownGaps.KILL, "kill -9", idiom.name(), failure);
        }));
    }

    /** Records the idiom here, and computes the process-crash state of each of its crash points. */
    private List<Pair> expectations(Idiom idiom) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("recorded").resolve(idiom.name()));
        idiom.setUp().run(root);
        IoTrace trace = Run.record(root, () -> idiom.body().run(root));
        CrashStates states = new CrashStates(trace);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i <= trace.size(); i++) {
            int point = i;
            pairs.add(pair(idiom, CrashPoint.before(point), () -> only(states.atCrashPoint(new ProcessCrash(),
                    Exploration.defaults(), point)), point < trace.size() ? trace.get(point).kind().name() : null));
        }
        for (IoOp op : trace.ops()) {
            if (op.kind() != OpKind.WRITE) {
                continue;
            }
            for (int bytes : new TreeSet<>(List.of(1, (int) op.length() / 2, (int) op.length() - 1))) {
                if (bytes > 0 && bytes < op.length()) {
                    CrashPoint point = CrashPoint.inside(op.index(), bytes);
                    pairs.add(pair(idiom, point, () -> simulatedCrash(idiom, point), OpKind.WRITE.name()));
                }
            }
        }
        return pairs;
    }

    private interface State {
        Snapshot compute() throws Exception;
    }

    private Pair pair(Idiom idiom, CrashPoint point, State state, String kind) {
        String dir = String.format("%04d", nextDirectory++);
        try {
            return new Pair(idiom, point, dir, state.compute(), kind, null);
        } catch (Throwable e) {
            return new Pair(idiom, point, dir, null, kind, "crashlab could not compute the state: " + e);
        }
    }

    /** crashlab's own crash inside a write, and the process-crash state at the end of its trace. */
    private Snapshot simulatedCrash(Idiom idiom, CrashPoint point) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("simulated").resolve(idiom.name() + "-" + point.token()));
        idiom.setUp().run(root);
        RunResult result = Run.with(root, FaultPlan.crashInsideWrite(point.index(), point.bytes()), () -> idiom.body().run(root));
        if (!result.crashed()) {
            throw new IllegalStateException("crashlab's run did not crash " + point + ": " + result.thrown());
        }
        IoTrace trace = result.trace();
        return only(new CrashStates(trace).atCrashPoint(new ProcessCrash(), Exploration.defaults(), trace.size()));
    }

    private static Snapshot only(List<CrashState> states) {
        assertEquals(1, states.size(), () -> "a process crash leaves exactly one state; crashlab computed " + states);
        return states.get(0).contents();
    }

    /** Runs the child until every idiom stopped, kills it, and returns each directory's last word. */
    private static Map<String, String> killChild(Path base, Path plan) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(ChildJvm.command(KillChild.class, List.of(base.toString(), plan.toString())))
                .redirectErrorStream(true).start();
        // A watchdog, not a timing: the child stops each idiom within 60 s or says it is stuck.
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException done) {
                // the test killed the child itself
            }
        }, "kill-oracle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Map<String, String> status = new HashMap<>();
        List<String> other = new ArrayList<>();
        boolean ready = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; !ready && (line = out.readLine()) != null; ) {
                if (line.equals("ORACLE " + KillChild.READY)) {
                    ready = true;
                } else if (line.startsWith("ORACLE ")) {
                    String[] words = line.split(" ", 4);
                    status.put(words[2], words[1] + (words.length > 3 ? " " + words[3] : ""));
                } else if (other.size() < 50) {
                    other.add(line);
                }
            }
            child.destroyForcibly();
            child.waitFor();
            watchdog.interrupt();
        }
        assertEquals(true, ready, () -> "the child ended before every idiom stopped:\n" + String.join("\n", other));
        assertEquals(128 + 9, child.exitValue(), "the child must have died of SIGKILL");
        return status;
    }

    /** Null if the killed directories are the computed states at every point; else each point's difference. */
    private static String judge(List<Pair> pairs, Path base, Map<String, String> status) {
        List<String> failures = new ArrayList<>();
        for (Pair pair : pairs) {
            String stop = status.get(pair.dir());
            String failure = pair.problem();
            if (failure == null) {
                failure = stoppedWhereExpected(pair, stop);
            }
            if (failure == null) {
                DirectoryState real = new DirectoryState(Snapshot.of(base.resolve(pair.dir())));
                DirectoryState computed = new DirectoryState(pair.expected());
                String diff = DirectoryState.difference("after kill -9:", real, "crashlab:", computed);
                failure = diff == null ? null : diff + "\n after kill -9:\n" + real.listing() + " crashlab's process-crash state:\n"
                        + computed.listing();
            }
            if (failure != null) {
                failures.add("crash point " + pair.point() + " (child: " + stop + "):\n" + failure.indent(2));
            }
        }
        return failures.isEmpty() ? null : failures.size() + " of " + pairs.size() + " crash points differ:\n"
                + String.join("\n", failures);
    }

    /**
     * The child must have stopped before operation N as crashlab numbers it, or finished when N is
     * past the last. Which call it stopped at is not checked: an attempt that fails and changes
     * nothing (File.mkdirs' try of a path whose parent is missing) may share its number with the
     * next operation, and the state comparison decides whether the numbers agree where it matters.
     */
    private static String stoppedWhereExpected(Pair pair, String stop) {
        if (stop == null) {
            return "the child said nothing about this point";
        }
        if (pair.point().insideWrite()) {
            return stop.startsWith("stopped") || stop.startsWith("finished") ? null : stop;
        }
        if (pair.expectedKind() == null) {
            return stop.startsWith("finished") && !stop.contains(" threw ") ? null
                    : "the trace ends here, but the child did not finish: " + stop;
        }
        return stop.startsWith("stopped") ? null
                : "the child never reached operation #" + pair.point().index() + " (a " + pair.expectedKind() + "): " + stop;
    }
}
