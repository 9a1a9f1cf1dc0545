package dev.crashlab.faults.oracle;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.trace.OpKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kill -9 oracle's child. Each line of the plan file names a directory under the base, an
 * idiom and a crash point. All are set up first; then, in one instrumented run, each idiom's body
 * runs on a thread of its own until it reaches its crash point, where crashlab pauses it (as it
 * pauses a writer for a concurrent reader) with a callback that never returns: the body never runs
 * on, nothing is flushed or closed for it. The next one starts only then.
 * When every body has stopped or finished, the child says so on stdout and waits to be killed.
 *
 * <p>One child for all (idiom, point) pairs is the same experiment as one child per pair, at the
 * price of one JVM start instead of hundreds: a stopped thread does nothing more, and the idioms
 * touch nothing outside their own directories, so each directory holds at the SIGKILL exactly what
 * it held when its body stopped.
 *
 * <p>Stopping: before operation N, where N is crashlab's number for it ({@link Operation#index()},
 * the number a crash plan built from the fault-free trace uses), counted from the directory's
 * first. Inside write N it lets only the first K bytes through (crashlab performs that prefix, as
 * for its own simulated crash) and stops at the next operation, or when the body ends.
 *
 * <p>Arguments: the base directory, the plan file (lines "dir TAB idiom TAB point").
 */
final class KillChild {

    static final String READY = "all stopped";

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]).toRealPath();
        Map<String, Stop> stops = new LinkedHashMap<>();
        for (ChildPlan.Line l : ChildPlan.setUp(base, Path.of(args[1])).values()) {
            stops.put(l.dir(), new Stop(new Target(l.dir(), l.idiom(), l.root(), CrashPoint.parse(l.fields()[2]))));
        }
        Run.in(base).plan(new StopPlan(stops)).go(() -> {
            for (Stop stop : stops.values()) {
                stop.start();
                if (!stop.stopped.await(60, TimeUnit.SECONDS)) {
                    say("stuck " + stop.dir + " neither stopped nor finished within 60 s");
                }
            }
            say(READY);
            // Wait for the SIGKILL; if the parent dies first, stdin ends and so does this JVM.
            while (System.in.read() >= 0) {
                // nothing to read: the parent never writes
            }
            System.exit(0);
        });
    }

    static synchronized void say(String line) {
        System.out.println("ORACLE " + line);
        System.out.flush();
    }

    /** Where one idiom stops: its directory (by name and path) and its crash point. */
    record Target(String dir, Idiom idiom, Path root, CrashPoint point) {
    }

    /** One idiom on its way to its crash point. */
    static final class Stop {
        final String dir;
        final Idiom idiom;
        final Path root;
        final CrashPoint point;
        final CountDownLatch stopped = new CountDownLatch(1);
        int first = -1;
        boolean reached;

        Stop(Target target) {
            dir = target.dir();
            idiom = target.idiom();
            root = target.root();
            point = target.point();
        }

        void start() {
            Thread body = new Thread(() -> {
                String end = "finished " + dir;
                try {
                    idiom.body().run(root);
                } catch (Throwable t) {
                    end += " threw " + t;
                }
                say(end);
                stopped.countDown();
            }, "oracle-" + dir);
            body.setDaemon(true);
            body.start();
        }

        /**
         * Called before each of this directory's attempts. Its number is crashlab's own
         * ({@link Operation#index()}, whatever rule makes it) counted from this directory's first:
         * the bodies run one after the other, and a stopped body makes no more attempts.
         */
        void before(Operation op) {
            if (first < 0) {
                first = op.index();
            }
            int n = op.index() - first;
            if (reached || !point.insideWrite() && n == point.index()) {
                halt(op, n);
            }
            if (point.insideWrite() && n == point.index()) {
                reached = true;
                if (op.kind() != OpKind.WRITE) {
                    halt(op, n);
                }
                op.writeOnly(point.bytes(), null);
            }
        }

        /**
         * Crashlab's own pause point: the body waits for the callback, which announces the stop and
         * never ends. A pause is where campaigns show readers a state, so it is what a kill must match.
         */
        private void halt(Operation op, int n) {
            op.pause(() -> {
                say("stopped " + dir + " at " + n + " " + op.kind() + " " + op.path());
                stopped.countDown();
                CountDownLatch never = new CountDownLatch(1);
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // a stopped body stays stopped
                    }
                }
            });
            throw new IllegalStateException("a pause that never ends ended");
        }
    }

    /** Sends each in-scope attempt to the Stop of the directory it is in. */
    private record StopPlan(Map<String, Stop> stops) implements FaultPlan {
        @Override
        public void before(Operation op) {
            if (op.inMemory()) {
                return;
            }
            Stop stop = stopOf(op.path());
            if (stop == null && op.target() != null) {
                stop = stopOf(op.target());
            }
            if (stop != null) {
                stop.before(op);
            }
        }

        private Stop stopOf(String path) {
            int slash = path.indexOf('/');
            return stops.get(slash < 0 ? path : path.substring(0, slash));
        }
    }
}
