package dev.crashlab.scenarios.api;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.Roots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The target's reader over crash states, on every core. Each thread reads in a state directory of
 * its own, with an instance of the target of its own, made again from its provider class in a
 * class loader of its own: readers share no static state (a database's registry of open files, a
 * logging context), as two processes would not. Readings come back in the order the states were
 * given and are judged in that order, so verdicts, counterexamples and counts are those of one
 * thread. The check's thread meanwhile explores the next states: building a state and reading
 * it overlap, and both cores stay busy.
 *
 * <p>A second instance is used only once it has read a state exactly as the first did: a reader
 * that depends on something the writer left in memory would read differently, and is kept on the
 * check's thread. So is a target built in a test rather than by a provider class, which has no
 * second instance sharing nothing with the first.
 */
final class StateReaders implements AutoCloseable {

    /** How many threads read crash states; the machine's cores unless set. */
    static final String PROPERTY = "crashlab.threads";

    /**
     * A check judges alone this long before it makes more readers: loading the target again costs
     * about what a hundred states do, and most checks are done sooner. At 0 (in tests), the readers
     * are made on the check's thread at its first state, so that a small check reads on every one.
     */
    static volatile long aloneNanos = 300_000_000L;

    /** What one reader found in a state, and the expectation of the target instance that read it. */
    private record Read(Reading saw, Expectation expected) {
    }

    private final CrashTarget target;
    private final Roots roots;
    private final int wanted;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<String> notes;
    private final BlockingQueue<Lane> free = new LinkedBlockingQueue<>();
    /** The context class loader of the check's thread, for its own target instance read on another. */
    private final ClassLoader checkLoader = Thread.currentThread().getContextClassLoader();
    private ExecutorService pool;
    /** Readers made on another thread, until the check's thread takes them; or, once closed, closed by their maker. */
    private final Object handOver = new Object();
    private Copies ready;
    private boolean closed;
    private long judgedAlone;
    private boolean settled;
    private CrashState lastState;
    private Read lastRead;

    StateReaders(CrashTarget target, Roots roots, List<String> notes) {
        this(target, roots, notes, threads());
    }

    StateReaders(CrashTarget target, Roots roots, List<String> notes, int threads) {
        this.target = target;
        this.roots = roots;
        this.notes = notes;
        this.wanted = threads;
        lanes.add(new Lane(target, null, Materializer.incremental(roots.fresh())));
    }

    /** {@value #PROPERTY}, or the cores this JVM may use. */
    static int threads() {
        String set = System.getProperty(PROPERTY);
        if (set == null || set.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(set.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + set + " is not a number of threads: give 1 or more");
    }

    /** Whether states are read on other threads ({@link #submit}) rather than on the caller's ({@link #read(CrashState, Judging)}). */
    boolean parallel() {
        return pool != null;
    }

    /** How many states may be read ahead of the one judged next. */
    int window() {
        return 4 * lanes.size();
    }

    /**
     * What the target's oracle makes of a reading, computed by the thread that read it: an oracle may
     * cost as much as the reading (a list of acknowledged records compared whole).
     */
    interface Judging<R> {
        R judge(Reading saw, Expectation expected);
    }

    /** Reads and judges a state on the caller's thread, with the check's own target instance. */
    <R> R read(CrashState state, Judging<R> judging) {
        long start = System.nanoTime();
        lastRead = lanes.get(0).read(state);
        lastState = state;
        R judged = judging.judge(lastRead.saw(), lastRead.expected());
        judgedAlone += System.nanoTime() - start;
        if (!settled && judgedAlone >= aloneNanos) {
            settled = true;
            addReaders();
        }
        takeReaders();
        return judged;
    }

    /** Reads and judges a state on whichever reader is free; only once {@link #parallel()}. */
    <R> Future<R> submit(CrashState state, Judging<R> judging) {
        return pool.submit(() -> {
            Lane lane = free.take();
            Thread self = Thread.currentThread();
            ClassLoader saved = self.getContextClassLoader();
            self.setContextClassLoader(lane.loader() == null ? checkLoader : lane.loader().classLoader());
            try {
                Read read = lane.read(state);
                return judging.judge(read.saw(), read.expected());
            } finally {
                self.setContextClassLoader(saved);
                free.add(lane);
            }
        });
    }

    /** What a task gave; its failure (a reader's own, not the target's: that is a reading) as thrown. */
    static <T> T get(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while crash states were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** More readers, made on a thread of their own while the check's thread goes on judging alone. */
    private void addReaders() {
        if (wanted <= 1 || target.origin() == null || lastState == null) {
            return;
        }
        CrashState sample = lastState;
        Read sampleRead = lastRead;
        Runnable make = () -> {
            Copies made = new Copies(new ArrayList<>(), new ArrayList<>());
            try {
                for (int i = 1; i < wanted && made.why().isEmpty(); i++) {
                    copy(sample, sampleRead, made);
                }
            } finally {
                synchronized (handOver) {
                    if (closed) {
                        made.lanes().forEach(StateReaders::closeLate);
                    } else {
                        ready = made;
                    }
                }
            }
        };
        if (aloneNanos == 0) {
            make.run();
            return;
        }
        Thread maker = new Thread(make, "crashlab-reader-maker");
        maker.setDaemon(true);
        maker.start();
    }

    /** The readers made, and why no more could be: one note at most. */
    private record Copies(List<Lane> lanes, List<String> why) {
    }

    /** A reader made after the check's judging ended: its directory may already be gone with the check's roots. */
    private static void closeLate(Lane lane) {
        try {
            lane.close();
        } catch (RuntimeException e) {
            // nothing of it is left to keep
        }
    }

    /** Starts reading on every reader once they are made. */
    private void takeReaders() {
        Copies made;
        synchronized (handOver) {
            made = ready;
            ready = null;
        }
        if (made == null) {
            return;
        }
        notes.addAll(made.why());
        lanes.addAll(made.lanes());
        if (lanes.size() > 1) {
            free.addAll(lanes);
            pool = Executors.newFixedThreadPool(lanes.size(), r -> {
                Thread t = new Thread(r, "crashlab-reader");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** A second instance of the target, kept if it reads {@code sample} exactly as the first did; else why not. */
    private void copy(CrashState sample, Read sampleRead, Copies made) {
        CrashTarget.Origin origin = target.origin();
        ProviderLoader loader = null;
        Lane lane = null;
        try {
            loader = ProviderLoader.open(origin.classpath());
            registerJdbcDrivers(loader.classLoader());
            CrashTarget again = loader.target(origin.providerClass()).recordedBy(target.recording());
            lane = new Lane(again, loader, Materializer.incremental(roots.fresh()));
            Thread self = Thread.currentThread();
            ClassLoader saved = self.getContextClassLoader();
            self.setContextClassLoader(loader.classLoader());
            Read read;
            try {
                read = lane.read(sample);
            } finally {
                self.setContextClassLoader(saved);
            }
            if (same(read, sampleRead)) {
                made.lanes().add(lane);
                return;
            }
            made.why().add(target.name() + ": crash states judged on one thread: a second instance of the target, made"
                    + " from " + origin.providerClass() + ", read a state as " + read.saw() + " where the first read "
                    + sampleRead.saw() + " (its reader depends on something the writer left in memory)");
        } catch (RuntimeException | LinkageError e) {
            made.why().add(target.name() + ": crash states judged on one thread: a second instance of the target could"
                    + " not be made from " + origin.providerClass() + ": " + e);
        }
        if (lane != null) {
            lane.close();
        } else if (loader != null) {
            loader.close();
        }
    }

    /**
     * The JDBC drivers of the copy's class path, registered as the JVM registered the first
     * instance's: {@code DriverManager} hands a connection only to a caller that sees the driver's
     * own class, and the copy's classes see their own copy of it, which nothing else would load.
     */
    private static void registerJdbcDrivers(ClassLoader copy) {
        try {
            java.util.ServiceLoader.load(java.sql.Driver.class, copy).stream().forEach(p -> {
                if (p.type().getClassLoader() == copy) {
                    p.get();
                }
            });
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            // a driver that cannot load here fails the same way for the copy's reader: the sample read says so
        }
    }

    private static boolean same(Read a, Read b) {
        return a.saw().toString().equals(b.saw().toString())
                && a.expected().admits(a.saw(), CrashTarget.Acknowledged.NOTHING)
                == b.expected().admits(b.saw(), CrashTarget.Acknowledged.NOTHING);
    }

    @Override
    public void close() {
        synchronized (handOver) {
            closed = true;
            if (ready != null) {
                lanes.addAll(ready.lanes());
                ready = null;
            }
        }
        if (pool != null) {
            // a state read past the one that decided its model may still be in a reader's hands: its
            // directory goes only once the reader is done with it
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.forEach(Lane::close);
    }

    /** One reader: a target instance, the class loader it came from (none for the check's own) and its state directory. */
    private record Lane(CrashTarget target, ProviderLoader loader, Materializer disk) {

        Read read(CrashState state) {
            try (Materialized m = disk.materialize(state)) {
                return new Read(Reading.afterRecovery(target, m.root(), CrashTarget.Where.CRASH_STATE),
                        target.expectation());
            }
        }

        void close() {
            try {
                disk.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (loader != null) {
                    loader.close();
                }
            }
        }
    }
}
