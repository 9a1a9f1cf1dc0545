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
 * beside the paused writer.
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
                UnaryOperator<CrashTarget.Builder> configure, ApiOperation.Action closeModel) {
    }

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
        CrashTarget.Builder b = CrashTarget.builder(name(spec.name(), steps))
                .setUp(root -> spec.close().close(spec.open().open(root)))
                .writer(root -> write(spec, steps, labels, root))
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
        return spec.configure().apply(b).build();
    }

    private static void write(Spec spec, List<ApiCall> steps, List<String> labels, Path root) throws Exception {
        Session session = new Session(root);
        session.handle = spec.open().open(root);
        for (int i = 0; i < steps.size(); i++) {
            ApiCall s = steps.get(i);
            s.operation().store().apply(session, s.values());
            if (s.operation().acknowledged()) {
                CrashTarget.ack(labels.get(i));
            }
        }
        spec.close().close(session.handle);
        if (spec.closeModel() != null) {
            CrashTarget.ack(labels.get(steps.size()));
        }
    }

    /** A fresh model with the steps applied: a view may be the model itself, so none is reused. */
    static Object viewAfter(Spec spec, List<ApiCall> steps, boolean closed) {
        Object model = spec.model().get();
        for (ApiCall s : steps) {
            apply(s.operation().model(), model, s.values(), s.display());
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
