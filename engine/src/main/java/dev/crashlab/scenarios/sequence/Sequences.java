package dev.crashlab.scenarios.sequence;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.TargetFailedException;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A property-based crash check of a store's own API: its operations over small argument domains,
 * and a model in plain Java of what a reader may find. crashlab generates operation sequences
 * (every one of up to {@link Builder#exhaustive K} steps, then seeded random longer ones), checks
 * each as a {@link CrashTarget} with {@link CrashCheck} (every crash state under every persistence
 * model, a reader beside the writer paused at each I/O point, and with {@link Builder#racing()} a
 * rival writer racing it), stops at the first that fails and shrinks it to a minimal one.
 *
 * <pre>{@code
 * Sequences<Kv, Map<String, String>> kv = Sequences.builder("kv", Kv::open, Kv::close,
 *                 () -> new TreeMap<String, String>())
 *         .reader(Kv::read, model -> model)                   // a reader finds what the model holds
 *         .operation("put", KEYS, VALUES, Kv::put, Map::put)  // on the store, on the model
 *         .operation("delete", KEYS, Kv::delete, Map::remove)
 *         .operation("compact", Kv::compact, model -> { })
 *         .build();
 * SequenceResult result = kv.run();                          // result.passed(), result.describe()
 * }</pre>
 *
 * @param <S> the store's handle, as {@code open} returns it
 * @param <M> the model
 */
public final class Sequences<S, M> {

    /** Opens the user's store on the files under {@code root} (creating it when there is none). */
    @FunctionalInterface
    public interface Open<S> {
        S open(Path root) throws Exception;
    }

    /** Closes the store's handle. */
    @FunctionalInterface
    public interface Close<S> {
        void close(S store) throws Exception;
    }

    /** An operation without arguments, on the store or on the model. */
    @FunctionalInterface
    public interface Call0<T> {
        void apply(T on) throws Exception;
    }

    /** An operation with one argument, on the store or on the model. */
    @FunctionalInterface
    public interface Call1<T, A> {
        void apply(T on, A a) throws Exception;
    }

    /** An operation with two arguments, on the store or on the model. */
    @FunctionalInterface
    public interface Call2<T, A, B> {
        void apply(T on, A a, B b) throws Exception;
    }

    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SequenceTarget.Spec spec;
    private final Alphabet alphabet;
    private final int exhaustive;
    private final int random;
    private final int maxLength;
    private final long seed;
    private final long maxSequences;
    private final Duration time;

    private Sequences(Builder<S, M> b, SequenceTarget.Spec spec, List<ApiOperation> operations) {
        this.spec = spec;
        this.alphabet = new Alphabet(operations);
        this.exhaustive = b.exhaustive;
        this.random = b.random;
        this.maxLength = b.maxLength;
        this.seed = b.seed;
        this.maxSequences = b.maxSequences;
        this.time = b.time;
    }

    public static <S, M> Builder<S, M> builder(String name, Open<S> open, Close<S> close, Supplier<M> model) {
        return new Builder<>(name, open, close, model);
    }

    public String name() {
        return spec.name();
    }

    /**
     * Checks the sequences in order, within the budget, and shrinks the first that fails. The same
     * builder and seed check the same sequences and shrink to the same one; a time budget only stops
     * the walk earlier on a slower machine.
     */
    public SequenceResult run() {
        long start = System.nanoTime();
        long exhaustiveCount = Generation.exhaustiveCount(alphabet.size(), exhaustive);
        Iterator<List<ApiCall>> walk = walk();
        long checked = 0;
        List<CrashResult> passed = new ArrayList<>();
        String stoppedBy = SequenceResult.EVERY_SEQUENCE;
        while (walk.hasNext()) {
            if (checked >= maxSequences) {
                stoppedBy = "the count budget";
                break;
            }
            if (time != null && System.nanoTime() - start >= time.toNanos()) {
                stoppedBy = "the time budget";
                break;
            }
            List<ApiCall> steps = walk.next();
            SequenceOutcome o = check(steps);
            checked++;
            if (o.failed()) {
                Shrinker shrinker = new Shrinker(alphabet, this::check);
                SequenceOutcome minimal = shrinker.shrink(o);
                SequenceResult.Failure failure = new SequenceResult.Failure(displays(steps), displays(minimal.steps()),
                        checked > exhaustiveCount, shrinker.checks(), token(minimal), withSequence(minimal), minimal.error());
                return result(checked, exhaustiveCount, start, "a failing sequence", passed, failure);
            }
            passed.add(o.result());
        }
        return result(checked, exhaustiveCount, start, stoppedBy, passed, null);
    }

    private SequenceResult result(long checked, long exhaustiveCount, long start, String stoppedBy,
                                  List<CrashResult> passed, SequenceResult.Failure failure) {
        return new SequenceResult(name(), seed, checked, Math.min(exhaustiveCount, checked), exhaustive, maxLength,
                maxSequences, time == null ? null : time.toMillis(), stoppedBy,
                (System.nanoTime() - start) / 1_000_000, SequenceResult.merge(name(), passed, seed), failure);
    }

    /**
     * Checks one sequence again, as a failure's replay line names it ({@code kv+put-0-0+compact}), or
     * one counterexample of it, from its replay token ({@code kv+put-0-0+compact:0:ext4-like:3}).
     * Empty if it no longer fails.
     */
    public Optional<CrashResult> replay(String token) {
        String sequence = token.contains(":") ? ReplayToken.parse(token, false).target() : token.trim();
        CrashTarget target = SequenceTarget.of(spec, SequenceTarget.parse(name(), alphabet, sequence));
        if (token.contains(":")) {
            Optional<Verdict> v = CrashCheck.replay(target, token);
            return v.map(found -> new CrashResult(target.name(), List.of(found), List.of(), 0, 0, 0, -1));
        }
        CrashResult whole = CrashCheck.run(target); // a store that throws fails as it did: TargetFailedException
        return whole.passed() ? Optional.empty() : Optional.of(whole);
    }

    /** The target one sequence is checked as, for a check of your own or the command line's --target. */
    public CrashTarget target(String sequence) {
        return SequenceTarget.of(spec, SequenceTarget.parse(name(), alphabet, sequence));
    }

    /**
     * The walk's parts, as a person reads them: "every sequence of up to 3 of 7 steps (399)", then,
     * if there is a random part, "200 random sequences of 4 to 8 steps, seed 1".
     */
    public List<String> parts() {
        List<String> out = new ArrayList<>();
        if (exhaustive > 0) {
            out.add("every sequence of up to " + exhaustive + " of " + alphabet.size() + " steps ("
                    + Generation.exhaustiveCount(alphabet.size(), exhaustive) + ")");
        }
        if (random > 0 && maxLength > exhaustive) {
            out.add(random + " random sequences of " + (exhaustive + 1) + " to " + maxLength + " steps, seed " + seed);
        }
        return out;
    }

    Iterator<List<ApiCall>> walk() {
        Iterator<List<ApiCall>> first = Generation.exhaustive(alphabet, exhaustive);
        Iterator<List<ApiCall>> then = Generation.random(alphabet, seed, random, exhaustive + 1, maxLength);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || then.hasNext();
            }

            @Override
            public List<ApiCall> next() {
                return first.hasNext() ? first.next() : then.next();
            }
        };
    }

    Alphabet alphabet() {
        return alphabet;
    }

    SequenceOutcome check(List<ApiCall> steps) {
        CrashTarget target = SequenceTarget.of(spec, steps);
        try {
            return new SequenceOutcome(steps, CrashCheck.run(target), null);
        } catch (TargetFailedException e) {
            return new SequenceOutcome(steps, null, target.name() + ": " + e.getMessage());
        }
    }

    /**
     * The replay token of the counterexample at the earliest crash point, or the sequence itself when
     * it failed before any crash (replayed whole).
     */
    private String token(SequenceOutcome minimal) {
        String sequence = SequenceTarget.name(name(), minimal.steps());
        if (minimal.result() == null) {
            return sequence;
        }
        return SequenceResult.earliest(minimal.result()).map(v -> v.counterexample().seed()).orElse(sequence);
    }

    /** The minimal sequence's result, each counterexample naming the sequence as its workload. */
    private static CrashResult withSequence(SequenceOutcome o) {
        if (o.result() == null) {
            return null;
        }
        List<String> workload = displays(o.steps());
        List<String> raced = new ArrayList<>(workload);
        raced.add("meanwhile, a rival writer (a handle of its own on the same files): "
                + o.steps().get(o.steps().size() - 1).display());
        List<Verdict> verdicts = o.result().verdicts().stream().map(v -> v.counterexample() == null ? v
                : new Verdict(v.cell(), v.fault(), v.status(), v.checks(), withWorkload(v.counterexample(),
                v.context() == dev.crashlab.reports.Context.RACE ? raced : workload), v.detectedAfterMs())).toList();
        CrashResult r = o.result();
        return new CrashResult(r.target(), verdicts, r.notes(), r.seed(), r.durationMillis(), r.crashPoints(), r.syncs());
    }

    private static dev.crashlab.reports.Counterexample withWorkload(dev.crashlab.reports.Counterexample c,
                                                                    List<String> workload) {
        return new dev.crashlab.reports.Counterexample(c.seed(), c.fault(), workload, c.trace(), c.crashPoint(),
                c.provenance(), c.readerSaw(), c.allowed(), c.sourceLine(), c.vulnerability());
    }

    static List<String> displays(List<ApiCall> steps) {
        return steps.stream().map(ApiCall::display).toList();
    }

    /** Collects a sequence check's parts; {@link #build} says what is missing or wrong. */
    public static final class Builder<S, M> {
        private final String name;
        private final Open<S> open;
        private final Close<S> close;
        private final Supplier<M> model;
        private CrashTarget.Reader<?> reader;
        private Function<M, ?> view;
        private final List<ApiOperation> operations = new ArrayList<>();
        private Set<String> acknowledgedBy;
        private UnaryOperator<CrashTarget.Builder> configure = b -> b;
        private Guarantee[] claims = {Guarantee.G1, Guarantee.G2, Guarantee.G3};
        private ApiOperation.Action closeModel;
        private boolean racing;
        private boolean writeOnce;
        private int exhaustive = 3;
        private int random = 200;
        private int maxLength = 8;
        private long seed = 1;
        private long maxSequences = 2000;
        private Duration time;

        private Builder(String name, Open<S> open, Close<S> close, Supplier<M> model) {
            if (name == null || name.isBlank() || name.contains(":") || name.contains("+")) {
                throw new IllegalArgumentException("a sequence check's name must be non-blank and free of ':' and '+'"
                        + " (it goes into replay tokens), got '" + name + "'");
            }
            this.name = name;
            this.open = Objects.requireNonNull(open, "open");
            this.close = Objects.requireNonNull(close, "close");
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * What a reader finds in the files (run on every crash state, after the target's recovery),
         * and the model's view of the same: a crash state must read as the view after some prefix of
         * the steps holding every acknowledged one (compared with {@code equals}).
         */
        public <T> Builder<S, M> reader(CrashTarget.Reader<T> read, Function<M, T> modelView) {
            this.reader = Objects.requireNonNull(read, "read");
            this.view = Objects.requireNonNull(modelView, "modelView");
            return this;
        }

        public Builder<S, M> operation(String op, Call0<S> onStore, Call0<M> onModel) {
            return add(op, List.of(), (s, a) -> onStore.apply(cast(s)), (m, a) -> onModel.apply(cast(m)));
        }

        public <A> Builder<S, M> operation(String op, List<A> domain, Call1<S, A> onStore, Call1<M, A> onModel) {
            return add(op, List.of(domain), (s, a) -> onStore.apply(cast(s), cast(a.get(0))),
                    (m, a) -> onModel.apply(cast(m), cast(a.get(0))));
        }

        public <A, B> Builder<S, M> operation(String op, List<A> first, List<B> second, Call2<S, A, B> onStore,
                                              Call2<M, A, B> onModel) {
            return add(op, List.of(first, second), (s, a) -> onStore.apply(cast(s), cast(a.get(0)), cast(a.get(1))),
                    (m, a) -> onModel.apply(cast(m), cast(a.get(0)), cast(a.get(1))));
        }

        /** A step that closes the store and opens it again (a restart without a crash); the model is unchanged. */
        public Builder<S, M> reopen() {
            ApiOperation.Action store = (session, args) -> {
                SequenceTarget.Session s = (SequenceTarget.Session) session;
                close.close(cast(s.handle));
                s.handle = open.open(s.root);
            };
            operations.add(new ApiOperation("reopen", List.of(), store, (m, a) -> { }, true));
            return this;
        }

        /**
         * What closing the store (at the end of each sequence's writer) does to the model, for a store
         * whose close stores what is pending (e.g. H2's MVStore); the close's return is then
         * acknowledged like an operation's. Without it, closing changes nothing a reader may find.
         */
        public Builder<S, M> closing(Call0<M> onModel) {
            Objects.requireNonNull(onModel, "onModel");
            this.closeModel = (m, a) -> onModel.apply(cast(m));
            return this;
        }

        /**
         * The operations whose return is a promise (e.g. "commit"): only they are acknowledged. By
         * default every operation is, as for a store that makes each one durable before it returns.
         */
        public Builder<S, M> acknowledgedBy(String... operationNames) {
            this.acknowledgedBy = Set.of(operationNames);
            return this;
        }

        /**
         * Each sequence is also raced: a rival writer (a handle of its own on the same files, as a second
         * process or thread of the application opens them) does the sequence's last step while the
         * writer is paused at each of its I/O points, and the writer while the rival is paused at each
         * of its own. Once both are done the reader must find the model after the two writers' steps in
         * some order that keeps each one's order and what ended before what began (G1 under context
         * race). Only for a store that two writers may use at once.
         */
        public Builder<S, M> racing() {
            this.racing = true;
            return this;
        }

        /**
         * The store is write-once (G4): a model operation that throws refuses the step (a conflicting
         * put) and leaves the model as it was, and the store must then fail it too, and only then.
         * The writer goes on after a refused step; each sequence is raced ({@link #racing()}), and G4
         * asks that every step of the two writers answered as the model does in some order that leaves
         * what the reader found: an acknowledged write is never overwritten by a rival.
         */
        public Builder<S, M> writeOnce() {
            this.writeOnce = true;
            this.racing = true;
            return this;
        }

        /** Every sequence of 1 to {@code k} steps is checked first (default 3). */
        public Builder<S, M> exhaustive(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("exhaustive(k) needs k >= 0, got " + k);
            }
            this.exhaustive = k;
            return this;
        }

        /** Then {@code sequences} random sequences of {@code exhaustive + 1} to {@code maxLength} steps (default 200 up to 8). */
        public Builder<S, M> random(int sequences, int maxSteps) {
            if (sequences < 0 || maxSteps < 1) {
                throw new IllegalArgumentException("random(sequences, maxSteps) needs sequences >= 0 and maxSteps >= 1");
            }
            this.random = sequences;
            this.maxLength = maxSteps;
            return this;
        }

        /** The random walk's seed (default 1): the same seed checks the same sequences. */
        public Builder<S, M> seed(long s) {
            this.seed = s;
            return this;
        }

        /** At most so many sequences (default 2000), and, if given, no new one after {@code time}. */
        public Builder<S, M> budget(long sequences, Duration maxTime) {
            if (sequences < 1) {
                throw new IllegalArgumentException("a budget of " + sequences + " sequences checks nothing");
            }
            this.maxSequences = sequences;
            this.time = maxTime;
            return this;
        }

        /**
         * The guarantees each sequence claims (default G1, G2 and G3): e.g. G2 and G3 only for a store
         * that locks its files, so that no reader can open it beside the writer.
         */
        public Builder<S, M> claims(Guarantee... guarantees) {
            if (guarantees.length == 0) {
                throw new IllegalArgumentException("a sequence check claims at least one of G1, G2, G3");
            }
            this.claims = guarantees.clone();
            return this;
        }

        /**
         * The rest of each sequence's target: persistence models, faults, a recovery, claims under
         * some models only, libraries that are not yours.
         */
        public Builder<S, M> target(UnaryOperator<CrashTarget.Builder> more) {
            this.configure = Objects.requireNonNull(more);
            return this;
        }

        public Sequences<S, M> build() {
            if (reader == null) {
                throw new IllegalArgumentException("a sequence check needs a reader and the model's view of it:"
                        + " .reader(root -> ..., model -> ...)");
            }
            if (operations.isEmpty()) {
                throw new IllegalArgumentException("a sequence check needs at least one operation: .operation(name, ...)");
            }
            List<ApiOperation> ops = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (ApiOperation op : operations) {
                if (!names.add(op.name())) {
                    throw new IllegalArgumentException("two operations are named '" + op.name() + "'");
                }
                ops.add(acknowledgedBy == null ? op : op.acknowledged(acknowledgedBy.contains(op.name())));
            }
            if (acknowledgedBy != null && !names.containsAll(acknowledgedBy)) {
                throw new IllegalArgumentException("acknowledgedBy names operations there are not: " + acknowledgedBy
                        + "; the operations are " + names);
            }
            @SuppressWarnings("unchecked")
            SequenceTarget.Spec spec = new SequenceTarget.Spec(name, open, s -> close.close(cast(s)),
                    (CrashTarget.Reader<Object>) reader, model, m -> view.apply(cast(m)),
                    b -> configure.apply(writeOnce ? b.claims(claims).claims(Guarantee.G4) : b.claims(claims)), closeModel,
                    racing, writeOnce);
            return new Sequences<>(this, spec, ops);
        }

        private Builder<S, M> add(String op, List<List<?>> domains, ApiOperation.Action onStore, ApiOperation.Action onModel) {
            if (op == null || !OPERATION_NAME.matcher(op).matches()) {
                throw new IllegalArgumentException("an operation's name is a Java identifier (it goes into replay tokens),"
                        + " got '" + op + "'");
            }
            for (List<?> d : domains) {
                if (d == null || d.isEmpty()) {
                    throw new IllegalArgumentException("operation '" + op + "' has an empty argument domain: give each"
                            + " argument a few values, smallest first (shrinking prefers earlier ones)");
                }
            }
            ApiOperation.Action store = (session, args) -> onStore.apply(((SequenceTarget.Session) session).handle, args);
            operations.add(new ApiOperation(op, domains, store, onModel, true));
            return this;
        }

        @SuppressWarnings("unchecked")
        private static <T> T cast(Object o) {
            return (T) o;
        }
    }
}
