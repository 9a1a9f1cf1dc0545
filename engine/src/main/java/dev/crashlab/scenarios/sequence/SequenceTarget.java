package dev.crashlab.scenarios.sequence;

import dev.crashlab.scenarios.api.CrashTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One sequence as a target of the one engine: the set-up creates the store empty (opens and closes
 * it), the writer opens it, runs the steps and acknowledges each acknowledged one as it returns,
 * then closes it; the oracle allows what the model shows after any prefix of the steps that holds
 * every operation acknowledged where the reader looked. So G2 (nothing acknowledged) asks that a
 * crash leave some prefix's state, G3 that it keep what was acknowledged, G1 the same of a reader
 * beside the paused writer. Raced, a rival with a handle of its own does the last step, both log
 * their steps, and {@link SequenceRace} judges what the two left.
 */
final class SequenceTarget {

    /** The store's handle while the writer runs: a reopen replaces it. */
    static final class Session {
        final Path root;
        Object handle;

        Session(Path root) {
            this.root = root;
        }
    }

    /** The parts of a sequence check every one of its targets shares. */
    record Spec(String name, Sequences.Open<?> open, Sequences.Close<Object> close, CrashTarget.Reader<Object> reader,
                java.util.function.Supplier<?> model, java.util.function.Function<Object, ?> view,
                UnaryOperator<CrashTarget.Builder> configure, ApiOperation.Action closeModel, boolean racing,
                boolean writeOnce) {
    }

    /** What a rival's steps are called in a race's counterexample. */
    static final String RIVAL = "rival ";

    private static final String SEPARATOR = "+";

    private SequenceTarget() {
    }

    /** E.g. {@code kv+put-0-0+put-0-0+compact}: the target's name, and the sequence a replay token carries. */
    static String name(String check, List<ApiCall> steps) {
        return check + steps.stream().map(s -> SEPARATOR + s.code()).collect(Collectors.joining());
    }

    /** The steps a name from {@link #name} holds, or what is wrong with it. */
    static List<ApiCall> parse(String check, Alphabet alphabet, String name) {
        String[] parts = name.split("\\" + SEPARATOR, -1);
        if (!parts[0].equals(check) || parts.length < 2) {
            throw new IllegalArgumentException("'" + name + "' is not a sequence of " + check + "; expected "
                    + check + "+STEP+STEP..., e.g. " + name(check, List.of(alphabet.get(0)))
                    + ", as printed on a counterexample's replay line");
        }
        List<ApiCall> steps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            steps.add(alphabet.parse(parts[i]));
        }
        return steps;
    }

    static CrashTarget of(Spec spec, List<ApiCall> steps) {
        List<Object> views = new ArrayList<>();
        for (int p = 0; p <= steps.size(); p++) {
            views.add(viewAfter(spec, steps.subList(0, p), false));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            labels.add("#" + (i + 1) + " " + steps.get(i).display());
        }
        if (spec.closeModel() != null) {
            // the writer's closing is a step of its own: the store promises what it stored
            views.add(viewAfter(spec, steps, true));
            labels.add("#" + (steps.size() + 1) + " close()");
        }
        String allowed = "the model after the first N steps, N at least the last acknowledged step's number: "
                + describeViews(views);
        RaceLog race = spec.racing() ? new RaceLog() : null;
        CrashTarget.Builder b = CrashTarget.builder(name(spec.name(), steps))
                .setUp(root -> {
                    if (race != null) {
                        race.reset();
                    }
                    spec.close().close(spec.open().open(root));
                })
                .writer(root -> write(spec, steps, labels, root, race))
                .oracle(spec.reader(), allowed, (Object found, CrashTarget.Acknowledged acked) -> {
                    int from = 0;
                    for (String l : acked.labels()) {
                        from = Math.max(from, labels.indexOf(l) + 1);
                    }
                    for (int p = from; p < views.size(); p++) {
                        if (Objects.deepEquals(found, views.get(p))) {
                            return true;
                        }
                    }
                    return false;
                });
        if (race != null) {
            ApiCall last = steps.get(steps.size() - 1);
            b.rival(root -> rival(spec, last, root, race), new SequenceRace(spec, race));
        }
        return spec.configure().apply(b).build();
    }

    /**
     * The sequence's writer: opens the store, runs the steps, acknowledging each acknowledged one as it
     * returns, and closes it. Write-once, a step the model refuses must fail in the store and one it
     * takes must not, while the writer is alone; a refused step is then what the writer's caller
     * handles, and the writer goes on.
     */
    private static void write(Spec spec, List<ApiCall> steps, List<String> labels, Path root, RaceLog race)
            throws Exception {
        Session session = new Session(root);
        session.handle = spec.open().open(root);
        Object alone = spec.writeOnce() ? spec.model().get() : null;
        for (int i = 0; i < steps.size(); i++) {
            ApiCall s = steps.get(i);
            Exception failed = step(race, false, labels.get(i), s.operation().model(), s.values(),
                    () -> s.operation().store().apply(session, s.values()));
            if (spec.writeOnce()) {
                boolean refused = !applied(s.operation().model(), alone, s.values());
                boolean raced = race != null && race.rivalBegan(); // the rival's steps are not in this model
                if (!raced && failed != null && !refused) {
                    throw failed;
                }
                if (!raced && failed == null && refused) {
                    throw new IllegalStateException(labels.get(i) + " returned, but the model refuses it: the store"
                            + " is declared write-once, where a conflicting write must fail");
                }
            } else if (failed != null) {
                throw failed;
            }
            if (s.operation().acknowledged()) {
                CrashTarget.ack(labels.get(i));
            }
        }
        Exception failed = step(race, false, "#" + (steps.size() + 1) + " close()", spec.closeModel(), List.of(),
                () -> spec.close().close(session.handle));
        if (failed != null) {
            throw failed;
        }
        if (spec.closeModel() != null) {
            CrashTarget.ack(labels.get(steps.size()));
        }
    }

    /**
     * The rival: a handle of its own on the same files (as a second process or thread of the
     * application opens them), the sequence's last step, and its close. A step it fails (a
     * write-once refusal, or not) is logged for the judge and thrown, so the race's story tells it.
     */
    private static void rival(Spec spec, ApiCall step, Path root, RaceLog race) throws Exception {
        race.rivalBegins();
        Session session = new Session(root);
        session.handle = spec.open().open(root);
        Exception failed = step(race, true, RIVAL + step.display(), step.operation().model(), step.values(),
                () -> step.operation().store().apply(session, step.values()));
        Exception closing = step(race, true, RIVAL + "close()", spec.closeModel(), List.of(),
                () -> spec.close().close(session.handle));
        if (failed != null) {
            throw failed; // after its close: the race's story tells it, and the log has it for the judge
        }
        if (closing != null) {
            throw closing;
        }
    }

    /** Something a writer does that may fail. */
    private interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code call}, logging it as a step of the race (with the model's action, null for a close
     * that changes nothing in the model); returns what it threw, or null.
     */
    private static Exception step(RaceLog race, boolean byRival, String label, ApiOperation.Action model,
                                  List<Object> args, Call call) {
        long began = race == null ? 0 : race.tick();
        Exception failed = null;
        try {
            call.run();
        } catch (Exception e) {
            failed = e;
        }
        if (race != null && model != null) {
            race.did(byRival, new RaceLog.Step(label, model, args, began, race.tick(), failed != null));
        }
        return failed;
    }

    /** Applies a step to a model: false if the model refuses it (throws), which leaves the model as it was. */
    static boolean applied(ApiOperation.Action action, Object model, List<Object> args) {
        try {
            action.apply(model, args);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    /** A fresh model with the steps applied: a view may be the model itself, so none is reused. */
    static Object viewAfter(Spec spec, List<ApiCall> steps, boolean closed) {
        Object model = spec.model().get();
        for (ApiCall s : steps) {
            if (spec.writeOnce()) {
                applied(s.operation().model(), model, s.values()); // a refused step changes nothing
            } else {
                apply(s.operation().model(), model, s.values(), s.display());
            }
        }
        if (closed) {
            apply(spec.closeModel(), model, List.of(), "close()");
        }
        return spec.view().apply(model);
    }

    private static void apply(ApiOperation.Action action, Object model, List<Object> args, String step) {
        try {
            action.apply(model, args);
        } catch (Exception e) {
            throw new IllegalStateException("the model failed on " + step + ": " + e, e);
        }
    }

    private static String describeViews(List<Object> views) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < views.size(); p++) {
            out.append(p == 0 ? "" : ", ").append(p).append(": ").append(views.get(p));
        }
        return out.toString();
    }
}
