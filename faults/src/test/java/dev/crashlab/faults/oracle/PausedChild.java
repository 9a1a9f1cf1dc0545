package dev.crashlab.faults.oracle;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.run.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel oracle's child. Each line of the plan file names a directory under the base and an
 * idiom. All are set up first; the child says so and waits until the parent made that durable.
 * Then, in one instrumented run, the bodies run one after the other, each paused by crashlab (the
 * pause a campaign shows readers a state at) before each of its operations and once more when it
 * has finished; at each pause the child says where it is and waits for the parent's "go" on stdin,
 * which the parent sends once it has taken its power cuts.
 *
 * <p>A pause is announced as {@code ORACLE paused DIR N KIND PATH}, N being crashlab's number for
 * the operation ({@link Operation#index()}) counted from the directory's first: the crash point
 * "before operation N" of the idiom's fault-free trace. An attempt that fails and changes nothing
 * may share its number with the next operation, so each number is paused at once.
 *
 * <p>Arguments: the base directory, the plan file (lines "dir TAB idiom").
 */
final class PausedChild {

    static final String SET_UP = "set up";
    static final String DONE = "all done";

    private static final BufferedReader PARENT = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private PausedChild() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]).toRealPath();
        Map<String, Idiom> idioms = new LinkedHashMap<>();
        ChildPlan.setUp(base, Path.of(args[1])).forEach((dir, line) -> idioms.put(dir, line.idiom()));
        sayAndWait(SET_UP);
        Pauses pauses = new Pauses(idioms.keySet());
        Run.in(base).plan(pauses).go(() -> {
            for (Map.Entry<String, Idiom> e : idioms.entrySet()) {
                String end = "finished " + e.getKey();
                try {
                    e.getValue().body().run(base.resolve(e.getKey()));
                } catch (Throwable t) {
                    end += " threw " + t;
                }
                sayAndWait(end);
            }
        });
        say(DONE);
        System.exit(0);
    }

    static synchronized void say(String line) {
        System.out.println("ORACLE " + line);
        System.out.flush();
    }

    /** Tells the parent where the child is and waits for it to say go; exits if the parent is gone. */
    static synchronized void sayAndWait(String line) {
        say(line);
        try {
            if (PARENT.readLine() == null) {
                System.exit(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pauses each directory's writer before each operation number it reaches. */
    private static final class Pauses implements FaultPlan {
        private final java.util.Set<String> dirs;
        private final Map<String, Integer> first = new HashMap<>();

        Pauses(java.util.Set<String> dirs) {
            this.dirs = dirs;
        }
        private final Map<String, Integer> paused = new HashMap<>();

        @Override
        public void before(Operation op) {
            if (op.inMemory()) {
                return;
            }
            String dir = dirOf(op.path());
            if (!dirs.contains(dir) && op.target() != null) {
                dir = dirOf(op.target());
            }
            if (!dirs.contains(dir)) {
                return;
            }
            String at = dir;
            int n = op.index() - first.computeIfAbsent(at, d -> op.index());
            if (paused.getOrDefault(at, -1) >= n) {
                return;
            }
            paused.put(at, n);
            op.pause(() -> sayAndWait("paused " + at + " " + n + " " + op.kind() + " " + op.path()));
        }

        private static String dirOf(String path) {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
    }

    static List<String> plan(Map<String, Idiom> byDirectory) {
        return byDirectory.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue().name()).toList();
    }
}
