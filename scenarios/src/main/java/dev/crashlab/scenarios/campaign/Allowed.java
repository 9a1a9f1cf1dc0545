package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader may see for a key once {@code happened} operations of a recorded run have taken
 * place: absent, unless a put of the key had returned and no clear has begun since; or exactly a
 * value whose put had begun. Taken from the workload, never from the target.
 */
final class Allowed {

    private final List<Value> values = new ArrayList<>();
    private boolean mayBeAbsent = true;

    static Allowed at(Recording rec, String key, int happened) {
        Allowed a = new Allowed();
        for (StepRecord s : rec.steps()) {
            if (s.firstOp() >= happened && !(s.endOp() <= happened && s.acknowledged())) {
                continue;
            }
            if (s.step() instanceof Step.Clear) {
                a.mayBeAbsent = true;
            } else if (key.equals(s.step().writtenKey()) && s.endOp() > s.firstOp()) {
                a.values.add(s.step().writtenValue());
                if (s.acknowledged() && s.endOp() <= happened) {
                    a.mayBeAbsent = false;
                }
            }
        }
        return a;
    }

    /** The same, and absent too: what a reader may see once a deleter may have run. */
    Allowed orAbsent() {
        Allowed a = new Allowed();
        a.values.addAll(values);
        return a;
    }

    boolean admits(Observation o) {
        if (o instanceof Observation.Absent) {
            return mayBeAbsent;
        }
        return o instanceof Observation.Found f && values.stream().anyMatch(v -> v.sameBytes(f.value()));
    }

    @Override
    public String toString() {
        List<String> options = new ArrayList<>();
        if (mayBeAbsent) {
            options.add("absent");
        }
        values.forEach(v -> options.add(v.toString()));
        return options.isEmpty() ? "nothing (no put had begun)" : String.join(" or ", options);
    }
}
