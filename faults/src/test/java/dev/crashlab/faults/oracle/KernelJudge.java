package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.TraceFacts;
import dev.crashlab.faults.trace.IoTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Judges one file system's real states against every built-in model: which real states each model
 * does not allow at their crash point (for the setup's own model, a failure printed beside the
 * model's nearest state), and which states the setup's model allows that no cut produced.
 */
final class KernelJudge {

    /** Every candidate of a crash point, no sampling: a state missing from a sample is not outside the model. */
    private static final int BOUND = 1 << 18;
    private static final Exploration EVERY_STATE = new Exploration(BOUND, 0, 0x5EEDL);

    /** One idiom's figures on this file system. */
    record Row(String idiom, int real, int distinct, Map<String, Integer> outside, int allowed, int neverSeen,
               String problem, String failure) {
    }

    private final FsSetup setup;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    KernelJudge(FsSetup setup, Map<String, KernelOracleTest.Recorded> recorded,
                Map<String, List<KernelOracleTest.RealState>> seen) {
        this.setup = setup;
        recorded.forEach((idiom, r) -> rows.put(idiom, judge(idiom, r, seen.getOrDefault(idiom, List.of()))));
    }

    FsSetup setup() {
        return setup;
    }

    List<Row> rows() {
        return List.copyOf(rows.values());
    }

    int realStates() {
        return rows.values().stream().mapToInt(Row::real).sum();
    }

    int distinctStates() {
        return rows.values().stream().mapToInt(Row::distinct).sum();
    }

    int outside(String model) {
        return rows.values().stream().mapToInt(r -> r.outside().getOrDefault(model, 0)).sum();
    }

    void assertSound(String idiom) {
        Row row = rows.get(idiom);
        if (row.problem() != null) {
            Assumptions.abort(row.problem());
        }
        if (row.failure() != null) {
            fail(row.failure());
        }
    }

    private Row judge(String idiom, KernelOracleTest.Recorded recorded, List<KernelOracleTest.RealState> real) {
        if (recorded.problem() != null) {
            return new Row(idiom, 0, 0, Map.of(), 0, 0, recorded.problem(), null);
        }
        IoTrace trace = recorded.trace();
        CrashStates states = new CrashStates(trace);
        TraceFacts facts = states.facts();
        Map<String, Integer> outside = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Integer, List<DirectoryState>> seenAt = new HashMap<>();
        for (KernelOracleTest.RealState s : real) {
            if (s.problem() != null) {
                problems.add(s.problem());
            }
            List<DirectoryState> at = seenAt.computeIfAbsent(s.point(), k -> new ArrayList<>());
            if (at.stream().noneMatch(d -> same(d, s.state()))) {
                at.add(s.state());
            }
        }
        int distinct = seenAt.values().stream().mapToInt(List::size).sum();
        int allowed = 0;
        int neverSeen = 0;
        for (PersistenceModel model : KernelOracleTest.models()) {
            int out = 0;
            for (Map.Entry<Integer, List<DirectoryState>> e : new java.util.TreeMap<>(seenAt).entrySet()) {
                int point = e.getKey();
                if (model.space(facts, point).size() > BOUND) {
                    // Only the setup's own model not judged keeps the idiom from passing; the others are table columns.
                    if (model.name().equals(setup.model().name())) {
                        problems.add(model.name() + " allows more than " + BOUND + " candidates at crash point " + point
                                + ": not judged there");
                    }
                    continue;
                }
                List<DirectoryState> modelStates = new ArrayList<>();
                for (CrashState c : states.atCrashPoint(model, EVERY_STATE, point)) {
                    modelStates.add(new DirectoryState(c.contents()));
                }
                for (DirectoryState r : e.getValue()) {
                    if (modelStates.stream().noneMatch(m -> same(m, r))) {
                        out++;
                        if (model.name().equals(setup.model().name())) {
                            failures.add(outsideMessage(trace, point, r, modelStates));
                        }
                    }
                }
                if (model.name().equals(setup.model().name())) {
                    allowed += modelStates.size();
                    neverSeen += (int) modelStates.stream().filter(m -> e.getValue().stream().noneMatch(r -> same(m, r))).count();
                }
            }
            outside.put(model.name(), out);
        }
        String failure = failures.isEmpty() ? null : failures.size() + " real state(s) on " + setup.name() + " outside "
                + setup.model().name() + ":\n" + String.join("\n", failures) + "\ntrace:\n" + listing(trace);
        String problem = problems.isEmpty() || !failures.isEmpty() ? null : String.join("\n", problems.stream().distinct().toList());
        if (real.isEmpty() && problem == null) {
            problem = "no real state: the idiom did not run on " + setup.name();
        }
        return new Row(idiom, real.size(), distinct, outside, allowed, neverSeen, problem, failure);
    }

    private String outsideMessage(IoTrace trace, int point, DirectoryState real, List<DirectoryState> modelStates) {
        DirectoryState nearest = null;
        int best = Integer.MAX_VALUE;
        for (DirectoryState m : modelStates) {
            String d = DirectoryState.difference("real:", real, "model:", m);
            int size = d == null ? 0 : d.split("\n").length;
            if (size < best) {
                best = size;
                nearest = m;
            }
        }
        String head = "crash point " + point + (point < trace.size() ? " (before #" + point + " " + trace.get(point).describe() + ")"
                : " (after the last operation)");
        return head + ":\n  real state after a power cut on " + setup.name() + ":\n" + real.listing().indent(2)
                + "  nearest of the " + modelStates.size() + " states " + setup.model().name() + " allows there:\n"
                + (nearest == null ? "    (none)\n" : nearest.listing().indent(2)
                + DirectoryState.difference("real", real, setup.model().name(), nearest).indent(2));
    }

    private static String listing(IoTrace trace) {
        StringBuilder out = new StringBuilder();
        trace.ops().forEach(op -> out.append("  #").append(op.index()).append(' ').append(op.describe()).append('\n'));
        return out.toString();
    }

    private static boolean same(DirectoryState a, DirectoryState b) {
        return DirectoryState.difference("", a, "", b) == null;
    }
}
