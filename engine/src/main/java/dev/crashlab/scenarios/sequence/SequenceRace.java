package dev.crashlab.scenarios.sequence;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sequence's race may leave: the model after the writer's and the rival's steps in some order
 * that keeps each one's order and what ended before what began ({@link Linearization}). G1 asks
 * only that the reader find such a state (no mix of the two, nothing lost); G4, declared by a
 * write-once model, also that each step answered as the model does in that order: a write that
 * returned was not refused by the model, so no acknowledged write was overwritten or lost.
 */
final class SequenceRace implements CrashTarget.RaceOracle<Object> {

    /** The most orders a counterexample lists. */
    private static final int SHOWN = 6;

    private final SequenceTarget.Spec spec;
    private final RaceLog race;
    private List<Linearization.Order> last = List.of();

    SequenceRace(SequenceTarget.Spec spec, RaceLog race) {
        this.spec = spec;
        this.race = race;
    }

    @Override
    public boolean allows(Object found, Guarantee judged) {
        last = Linearization.of(race.writer(), race.rival(), spec.model(), spec.view());
        return Linearization.allows(last, found, judged == Guarantee.G4);
    }

    @Override
    public List<String> allowed(Guarantee judged) {
        boolean answers = judged == Guarantee.G4;
        List<String> out = new ArrayList<>();
        out.add("the model after the writer's and the rival's steps in an order that keeps each one's order and what"
                + " ended before what began" + (answers ? ", each step answering as the model does (write-once)" : "")
                + ":");
        last.stream().limit(SHOWN).forEach(o -> out.add(o.describe()));
        if (last.size() > SHOWN) {
            out.add("... and " + (last.size() - SHOWN) + " more orders");
        }
        return out;
    }
}
