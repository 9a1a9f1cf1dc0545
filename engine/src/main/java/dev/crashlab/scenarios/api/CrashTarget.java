package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's code under test, described for {@link CrashCheck}: what it writes, what a reader must
 * find, which guarantees it claims, and the faults and persistence models to check it under.
 *
 * <pre>{@code
 * CrashTarget target = CrashTarget.builder("checkpoint")
 *         .setUp(root -> Checkpoint.write(root, "v1"))           // run first, never crashed
 *         .writer(root -> Checkpoint.write(root, "v2"))          // crashed and paused at every I/O point
 *         .reader(Checkpoint::read, "v1", "v2")                  // finds the old value or the new one
 *         .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
 *         .faults(new RefuseAtomicMove().and(MoveAsCopy.everywhere(4)))
 *         .build();
 * }</pre>
 */
public final class CrashTarget {

    /** Code run against the files under {@code root}: any code, third-party libraries included. */
    @FunctionalInterface
    public interface Action {
        void run(Path root) throws Exception;
    }

    /** What a reader finds under {@code root}; throwing counts as finding an error, never allowed. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path root) throws Exception;
    }

    /**
     * What the reader may find, when exact values cannot say it: e.g. "the records read are a prefix
     * of the records written, and include every acknowledged one". G2 asks it with nothing
     * acknowledged (is what a crash left consistent?), G3 with what was acknowledged at the crash
     * point (is what was promised there?), G1 with what was acknowledged at the pause.
     */
    @FunctionalInterface
    public interface Oracle<T> {
        boolean allows(T found, Acknowledged acknowledged) throws Exception;
    }

    /**
     * What the reader may find once two writers raced, where exact values cannot say it (a rival of a
     * target judged by an oracle): asked once the writer paused at a pause point and the rival run
     * whole meanwhile have both finished, for G1 (could the two writers' operations, in some order,
     * have left it?) and, when G4 is claimed, for G4 (and did each write keep what it answered?).
     * The writers tell it what they did; crashlab tells it only what the reader found.
     */
    public interface RaceOracle<T> {
        boolean allows(T found, Guarantee judged) throws Exception;

        /** What it allowed in the race it judged last, as a counterexample's "allowed:" lines. */
        List<String> allowed(Guarantee judged);
    }

    /** Where the reader, oracle or recovery that crashlab is calling reads: see {@link #where()}. */
    public enum Where {
        /** Once, after the set-up, before any writer ran. */
        SET_UP,
        /**
         * Beside the live writer, in this JVM: paused at a pause point, or once it (and any rival)
         * finished. Its in-process state (an engine, its locks, its threads) is the writer's: a reader
         * that shut it down would shut down the paused writer's.
         */
        LIVE,
        /** A copy of a crash state, as a restarted process finds it: nothing else uses it. */
        CRASH_STATE
    }

    private static final ThreadLocal<Where> WHERE = new ThreadLocal<>();

    /**
     * Where the reader, oracle (the place the value it judges was read) or recovery is called, on
     * the thread crashlab calls it on.
     *
     * @throws IllegalStateException anywhere else
     */
    public static Where where() {
        Where w = WHERE.get();
        if (w == null) {
            throw new IllegalStateException("CrashTarget.where() answers only inside a target's reader, oracle or"
                    + " recovery, while crashlab calls them");
        }
        return w;
    }

    /** Calls {@code call} with {@link #where()} answering {@code place}. */
    static <T> T at(Where place, java.util.concurrent.Callable<T> call) throws Exception {
        Where outer = WHERE.get();
        WHERE.set(place);
        try {
            return call.call();
        } finally {
            if (outer == null) {
                WHERE.remove();
            } else {
                WHERE.set(outer);
            }
        }
    }

    /**
     * What the target had acknowledged where the reader looked (a crash point, a pause point): the
     * labels its writer passed to {@link #ack} before it, and whether the writer had returned.
     */
    public record Acknowledged(List<String> labels, boolean returned) {
        public static final Acknowledged NOTHING = new Acknowledged(List.of(), false);

        public Acknowledged {
            labels = labels instanceof AcknowledgedLabels ? labels : List.copyOf(labels);
        }

        public boolean contains(String label) {
            return labels.contains(label);
        }

        /** The same labels, the writer not (yet) returned: what a reader paused inside the writer is judged with. */
        Acknowledged beforeReturn() {
            return new Acknowledged(labels, false);
        }

        /** E.g. "acknowledged: commit 1, commit 2; the writer had returned", or "" for nothing. */
        String describe() {
            String acked = labels.isEmpty() ? "" : "acknowledged: " + String.join(", ", labels);
            String back = returned ? "the writer had returned" : "";
            return acked.isEmpty() || back.isEmpty() ? acked + back : acked + "; " + back;
        }
    }

    /**
     * Called from inside a writer: from here on the target has promised {@code label} (a commit
     * returned to its caller, a record appended): a crash after this point must not lose it, and an
     * oracle is told so. Outside a check it does nothing, so production code may call it.
     */
    public static void ack(String label) {
        dev.crashlab.faults.run.Run.acknowledge(Objects.requireNonNull(label, "label"));
    }

    /**
     * Another writer on the same files (another thread or process saving the same checkpoint), and
     * what the reader finds once it alone has written.
     */
    public record Rival(Action writer, Object value) {
        public Rival {
            Objects.requireNonNull(writer, "a rival needs a writer");
        }
    }

    /**
     * How the writer's I/O is recorded. The JVM recording (in-process, under the agent) sees every
     * JDK file operation and supports every fault and the paused reader; the system-call recording
     * runs the writer in a child JVM traced with strace, so it also sees JNI libraries (SQLite,
     * RocksDB) and the processes the writer starts, but judges only the fault-free run's crash states.
     */
    public enum IoRecording {
        /** The JVM recording, switching to the system calls when it proves incomplete (the default). */
        AUTO,
        /** The JVM recording only: an incomplete trace is refused. */
        JVM,
        /** The system calls, from the start ({@code --record syscalls}). */
        SYSCALLS
    }

    /** Where a target loaded by its provider's class name came from: what a child JVM loads it again from. */
    record Origin(String providerClass, String classpath) {
    }

    /** The guarantees a user's target can be checked for: the reader's values say nothing about G4-G7. */
    public static final Set<Guarantee> CHECKABLE = EnumSet.of(Guarantee.G1, Guarantee.G2, Guarantee.G3, Guarantee.G4);

    private final String name;
    private final Action setUp;
    private final Action writer;
    private final Reader<?> reader;
    private final Object before;
    private final Object after;
    private final Expectation expectation;
    private final Set<Guarantee> claims;
    private final java.util.Map<Guarantee, Set<Context>> claimedUnder;
    private final List<PersistenceModel> models;
    private final List<FaultPlan> faults;
    private final Exploration exploration;
    private final List<String> notMine;
    private final List<Rival> rivals;
    private final RaceOracle<?> raceOracle;
    private final Action recovery;
    private final boolean recovers;
    private final boolean readersWait;
    private final IoRecording recording;
    private final List<String> volatileFiles;
    private volatile Origin origin;

    private CrashTarget(Builder b) {
        this.name = b.name;
        this.setUp = b.setUp;
        this.writer = Objects.requireNonNull(b.writer, "a target needs a writer: .writer(root -> ...)");
        this.reader = Objects.requireNonNull(b.reader, "a target needs a reader: .reader(root -> ..., before, after)");
        this.before = b.before;
        this.after = b.after;
        this.expectation = b.expectation;
        this.claims = b.claims.isEmpty() ? Set.of() : Set.copyOf(b.claims);
        this.claimedUnder = java.util.Map.copyOf(b.claimedUnder);
        this.models = List.copyOf(b.models);
        List<FaultPlan> all = new ArrayList<>();
        all.add(FaultPlan.none()); // the fault-free run is always checked: the faults are extra environments
        all.addAll(b.faults);
        this.faults = List.copyOf(all);
        this.exploration = b.exploration;
        this.notMine = List.copyOf(b.notMine);
        this.rivals = List.copyOf(b.rivals);
        this.raceOracle = b.raceOracle;
        this.recovery = b.recovery;
        this.recovers = b.recovers;
        this.readersWait = b.readersWait;
        this.recording = b.recording;
        this.volatileFiles = List.copyOf(b.volatileFiles);
        if (claims.contains(Guarantee.G4) && rivals.isEmpty()) {
            throw new IllegalArgumentException("G4 (write-once) is judged against a second writer: add .rival(writer, value)");
        }
        if (!rivals.isEmpty() && expectation.judgesAcknowledgements() && raceOracle == null) {
            throw new IllegalArgumentException("racing writers are judged by the value each leaves, so a target with"
                    + " .rival(writer, value) needs .reader(read, before, after); with an oracle, give the race one:"
                    + " .rival(writer, raceOracle)");
        }
    }

    /** The same target with writer {@code paused} of {@link #writers()} as its writer, and writer {@code racing} as its one rival. */
    private CrashTarget(CrashTarget t, int paused, int racing) {
        List<Rival> all = t.writers();
        Rival mine = all.get(paused);
        this.name = t.name;
        this.setUp = t.setUp;
        this.writer = mine.writer();
        this.reader = t.reader;
        this.before = t.before;
        this.after = mine.value();
        this.expectation = t.raceOracle != null ? t.expectation : Expectation.exact(t.before, mine.value(), List.of());
        this.claims = t.claims;
        this.claimedUnder = t.claimedUnder;
        this.models = t.models;
        this.faults = t.faults;
        this.exploration = t.exploration;
        this.notMine = t.notMine;
        this.rivals = List.of(all.get(racing));
        this.raceOracle = t.raceOracle;
        this.recovery = t.recovery;
        this.recovers = t.recovers;
        this.readersWait = t.readersWait;
        this.recording = t.recording;
        this.volatileFiles = t.volatileFiles;
        this.origin = t.origin;
    }

    /** The same target recorded another way. */
    private CrashTarget(CrashTarget t, IoRecording recording) {
        this.name = t.name;
        this.setUp = t.setUp;
        this.writer = t.writer;
        this.reader = t.reader;
        this.before = t.before;
        this.after = t.after;
        this.expectation = t.expectation;
        this.claims = t.claims;
        this.claimedUnder = t.claimedUnder;
        this.models = t.models;
        this.faults = t.faults;
        this.exploration = t.exploration;
        this.notMine = t.notMine;
        this.rivals = t.rivals;
        this.raceOracle = t.raceOracle;
        this.recovery = t.recovery;
        this.recovers = t.recovers;
        this.readersWait = t.readersWait;
        this.recording = Objects.requireNonNull(recording, "recording");
        this.volatileFiles = t.volatileFiles;
        this.origin = t.origin;
    }

    /** The same target, its writer recorded as {@code how} says (the command line's {@code --record}). */
    public CrashTarget recordedBy(IoRecording how) {
        return new CrashTarget(this, how);
    }

    public IoRecording recording() { return recording; }

    /** Files the target rebuilds when it opens, as globs relative to the root: left out of every verdict. */
    public List<String> volatileFiles() { return volatileFiles; }

    Origin origin() { return origin; }

    /** Set by the loader that made this target from its provider class: a child JVM can then make it again. */
    void loadedFrom(String providerClass, String classpath) {
        this.origin = new Origin(providerClass, classpath);
    }

    /**
     * For the race: writer {@code paused} of {@link #writers()} as the one paused at each of its
     * operations, and writer {@code racing} as the one that writes meanwhile.
     */
    CrashTarget pairing(int paused, int racing) {
        return new CrashTarget(this, paused, racing);
    }

    /** The writer and its rivals, in the order declared, each with the value it leaves alone. */
    List<Rival> writers() {
        List<Rival> all = new ArrayList<>();
        all.add(new Rival(writer, after));
        all.addAll(rivals);
        return all;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }
    public Action setUp() { return setUp; }
    public Action writer() { return writer; }
    public Reader<?> reader() { return reader; }
    /** What the reader finds before the writer starts (after the set-up). */
    public Object before() { return before; }
    /** What the reader finds once the writer has returned. */
    public Object after() { return after; }
    /** What the reader may find, as every judge of this target asks it. */
    Expectation expectation() { return expectation; }
    public Set<Guarantee> claims() { return claims; }

    /** Whether the target claims {@code g} in this context: everywhere, or under the models it was claimed under. */
    public boolean claims(Guarantee g, Context context) {
        Set<Context> only = claimedUnder.get(g);
        return claims.contains(g) && (only == null || only.contains(context));
    }
    public List<PersistenceModel> models() { return models; }
    /** The environments checked: {@link FaultPlan#none()} first, then the builder's faults. */
    public List<FaultPlan> faults() { return faults; }
    public Exploration exploration() { return exploration; }
    /** Package prefixes of libraries that are not the user's code: source lines point at the user's call into them. */
    public List<String> notMine() { return notMine; }
    /** What a restart runs on the files before anyone reads them (replaying a log, removing a temp file). */
    public Action recovery() { return recovery; }
    /** Whether a recovery was declared: only then does a reader paused inside the writer run it on the live files. */
    public boolean recovers() { return recovers; }
    /** Whether its readers wait for the writer by design ({@link Builder#readersWaitForWriter}). */
    public boolean readersWaitForWriter() { return readersWait; }
    /** Other writers racing the writer on the same files, in the order declared; empty if none. */
    public List<Rival> rivals() { return rivals; }
    /** What a race may leave, where no exact value says it; null for rivals declared with their values. */
    RaceOracle<?> raceOracle() { return raceOracle; }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a target's parts; {@link #build} checks that nothing is missing. */
    public static final class Builder {
        private final String name;
        private Action setUp = root -> { };
        private Action writer;
        private Reader<?> reader;
        private Object before;
        private Object after;
        private Expectation expectation;
        private final Set<Guarantee> claims = EnumSet.noneOf(Guarantee.class);
        private final java.util.Map<Guarantee, Set<Context>> claimedUnder = new java.util.EnumMap<>(Guarantee.class);
        private List<PersistenceModel> models = PersistenceModel.builtIn();
        private final List<FaultPlan> faults = new ArrayList<>();
        private Exploration exploration = Exploration.defaults();
        private final List<String> notMine = new ArrayList<>();
        private final List<Rival> rivals = new ArrayList<>();
        private RaceOracle<?> raceOracle;
        private Action recovery = root -> { };
        private boolean recovers;
        private boolean readersWait;
        private IoRecording recording = IoRecording.AUTO;
        private final List<String> volatileFiles = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException("a target's name must be non-blank and free of ':' (it goes into "
                        + "replay tokens), got '" + name + "'");
            }
            this.name = name;
        }

        public Builder setUp(Action a) {
            this.setUp = Objects.requireNonNull(a);
            return this;
        }

        public Builder writer(Action a) {
            this.writer = Objects.requireNonNull(a);
            return this;
        }

        /** The reader, what it finds before the writer runs, and what it finds once the writer returned. */
        public <T> Builder reader(Reader<T> r, T beforeWrite, T afterWrite) {
            return reader(r, beforeWrite, afterWrite, List.of());
        }

        /**
         * As {@link #reader(Reader, Object, Object)}, where the value may legitimately pass through
         * intermediate versions while the writer runs (each is then as good as the old or the new one).
         */
        public <T> Builder reader(Reader<T> r, T beforeWrite, T afterWrite, List<T> alsoWhileWriting) {
            this.reader = Objects.requireNonNull(r);
            this.before = beforeWrite;
            this.after = afterWrite;
            this.expectation = Expectation.exact(beforeWrite, afterWrite, List.copyOf(alsoWhileWriting));
            return this;
        }

        /**
         * The reader and an oracle instead of exact values, e.g. a log's reader with "the records read
         * are a prefix of the records written, and once the writer returned, all of them".
         *
         * @param description what the oracle allows, as a counterexample's "allowed:" line prints it
         */
        public <T> Builder oracle(Reader<T> r, String description, Oracle<T> oracle) {
            this.reader = Objects.requireNonNull(r);
            this.before = null;
            this.after = null;
            this.expectation = Expectation.oracle(Objects.requireNonNull(oracle), Objects.requireNonNull(description));
            return this;
        }

        public Builder claims(Guarantee... guarantees) {
            for (Guarantee g : guarantees) {
                if (!CHECKABLE.contains(g)) {
                    throw new IllegalArgumentException(g + " cannot be checked on a user's target; claim G1, G2, G3,"
                            + " or G4 with a .rival(...)");
                }
                claims.add(g);
            }
            return this;
        }

        /**
         * Claims {@code g} only under these persistence models (by name), e.g. G3 under process-crash
         * only, for an option that fsyncs nothing: under the others it is shown as not claimed.
         */
        public Builder claimsUnder(Guarantee g, Context... models) {
            return claimsUnder(g, java.util.Arrays.stream(models).map(Context::wireName).toArray(String[]::new));
        }

        /** As {@link #claimsUnder(Guarantee, Context...)}, naming a persistence model as it names itself. */
        public Builder claimsUnder(Guarantee g, String... models) {
            claims(g);
            for (String m : models) {
                claimedUnder.computeIfAbsent(g, k -> new java.util.HashSet<>()).add(Context.fromWireName(m));
            }
            return this;
        }

        /** Persistence models for G2 and G3 (default: all four built-in ones). */
        public Builder models(List<PersistenceModel> chosen) {
            if (chosen == null || chosen.isEmpty()) {
                throw new IllegalArgumentException("a target needs at least one persistence model to judge G2 and G3"
                        + " under, e.g. .models(PersistenceModel.builtIn())");
            }
            this.models = List.copyOf(chosen);
            return this;
        }

        /** Extra environments, each checked like the fault-free one, e.g. {@code new RefuseAtomicMove()}. */
        public Builder faults(FaultPlan... plans) {
            faults.addAll(List.of(plans));
            return this;
        }

        /**
         * How the writer's I/O is recorded (default {@link IoRecording#AUTO}: the JVM's, switching to the
         * system calls when the JVM recording proves incomplete, e.g. for a JNI store such as SQLite).
         * The system-call recording loads the target again in a child JVM, so the target must come from
         * a {@link CrashTargetProvider} ({@code crashlab check --target CLASS}).
         */
        public Builder recording(IoRecording how) {
            this.recording = Objects.requireNonNull(how, "recording");
            return this;
        }

        /**
         * Files the target rebuilds whenever it opens, whose contents a crash cannot hurt (SQLite's
         * {@code -shm} wal-index), as globs relative to the root, e.g. {@code "*-shm"}: the system-call
         * recording leaves them out (a shared writable map of one is then not refused), and the report
         * lists them as not judged.
         */
        public Builder volatileFiles(String... globs) {
            addAll(volatileFiles, globs, "volatileFiles takes globs relative to the root, e.g. \"*-shm\"");
            return this;
        }

        public Builder exploration(Exploration e) {
            this.exploration = Objects.requireNonNull(e);
            return this;
        }

        /**
         * The target's recovery, run before every reading, as a process opening the store runs it
         * (open the store, replay its log, truncate a torn tail): on every crash state, as a restart
         * would, and on the live files while the writer is paused at each of its I/O points, as a
         * second process opening the store would. What it makes of the files is what is judged; once
         * the paused writer has resumed and returned, the reader must still find what it promised
         * (a recovery that moves a live writer's file away is caught there). It may write; each
         * crash state is its own copy.
         */
        public Builder recovery(Action a) {
            this.recovery = Objects.requireNonNull(a);
            this.recovers = true;
            return this;
        }

        /**
         * Its readers wait for the writer by design (they take the writer's lock, as a database's
         * readers do). A reader that waits while the writer is paused lets it go on, so that pause
         * point judges what it read afterwards; without this declaration, the result's notes say at
         * how many pause points the reader waited.
         */
        public Builder readersWaitForWriter() {
            this.readersWait = true;
            return this;
        }

        /**
         * Another writer on the same files, e.g. another thread or process saving the same
         * checkpoint; call it again for more. Writers race two at a time: each in turn is paused
         * before each of its operations while another runs to the end, for every pair, then it
         * resumes. The reader must then find one writer's whole value, never a mix (G1 under context
         * race); claiming G4 (write-once) also asks that at most one of two different values be
         * acknowledged, so no acknowledged write is lost.
         *
         * @param value what the reader finds once this rival alone has written
         */
        public Builder rival(Action writer, Object value) {
            rivals.add(new Rival(Objects.requireNonNull(writer), value));
            return this;
        }

        /**
         * Another writer on the same files, for a target judged by an oracle: no single value says what
         * two writers leave, so {@code judge} says what the reader may find once both are done (e.g.
         * the model after the two writers' operations in some order). Raced as {@link #rival(Action,
         * Object)} is.
         */
        public <T> Builder rival(Action writer, RaceOracle<T> judge) {
            rivals.add(new Rival(Objects.requireNonNull(writer), null));
            this.raceOracle = Objects.requireNonNull(judge, "judge");
            return this;
        }

        /**
         * Libraries whose code is not yours, by package prefix (e.g. {@code "org.apache.kafka."}): every
         * source line (of the trace, a finding, its fix) is then your frame that called into them.
         */
        public Builder notMine(String... packagePrefixes) {
            addAll(notMine, packagePrefixes, "notMine takes package prefixes such as \"org.apache.kafka.\"");
            return this;
        }

        private static void addAll(List<String> into, String[] values, String whatItTakes) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException(whatItTakes);
                }
                into.add(v);
            }
        }

        public CrashTarget build() {
            for (PersistenceModel m : models) {
                // every model is reported by its name: refuse now one a report could not carry
                Context.fromWireName(m.name());
            }
            for (Set<Context> named : claimedUnder.values()) {
                for (Context n : named) {
                    if (models.stream().noneMatch(m -> m.name().equals(n.wireName()))) {
                        throw new IllegalArgumentException("a claim names model '" + n + "', which this target is not"
                                + " checked under; its models are " + models.stream().map(PersistenceModel::name).toList());
                    }
                }
            }
            return new CrashTarget(this);
        }
    }
}
