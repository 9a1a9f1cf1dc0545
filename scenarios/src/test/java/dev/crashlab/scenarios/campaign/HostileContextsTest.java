package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.store.Durability;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile scenario of the campaign alone, on the reference store: racing writers over an
 * invalid entry and over one deleted by hand, a cleanup racing a live writer, and each thing that
 * can stand at an entry's path. One cell keeps one counterexample, so in the campaign a scenario
 * that broke first hides the others; here each one must hold on its own, and a failure prints its
 * counterexample.
 */
class HostileContextsTest {

    private static final Logger STORE_LOG = Logger.getLogger("dev.crashlab.store");
    private static final StoreTarget TARGET = StoreTarget.reference(Durability.FILE_AND_DIRECTORY);
    private static final Workload ONE_PUT = Workload.of(new Step.Put("k1", Value.small("small-a")));

    @BeforeAll
    static void instrument() {
        Agent.install();
        STORE_LOG.setLevel(Level.SEVERE);
    }

    interface Scenario {
        void run(Roots roots, CellTable cells) throws Exception;
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("two writers over an invalid entry", Guarantee.G4, Context.RACE,
                race(roots -> new InvalidEntryRaceProbe(roots::fresh, Campaign.NON_ATOMIC_MOVES, 1, false))));
        all.add(Arguments.of("two writers over an invalid entry deleted by hand", Guarantee.G4, Context.RACE,
                race(roots -> new InvalidEntryRaceProbe(roots::fresh, Campaign.NON_ATOMIC_MOVES, 1, true))));
        all.add(Arguments.of("cleanup racing a live writer", Guarantee.G5, Context.RACE,
                race(roots -> new CleanupRaceProbe(roots::fresh, Campaign.NON_ATOMIC_MOVES, 1))));
        int n = 0;
        for (CorruptionProbe.Damage d : CorruptionProbe.DAMAGES) {
            all.add(corrupt("entry " + d.name(), n++));
        }
        for (CorruptionProbe.Oddity o : CorruptionProbe.ODDITIES) {
            all.add(corrupt("entry " + o.name(), n++));
        }
        return all.stream();
    }

    private static Scenario race(java.util.function.Function<Roots, Probe> probe) {
        return (roots, cells) -> {
            Recording fresh = Recording.run(TARGET, ONE_PUT, roots.fresh(), Campaign.NON_ATOMIC_MOVES);
            probe.apply(roots).explore(TARGET, 0, ONE_PUT, fresh, cells);
        };
    }

    private static Arguments corrupt(String name, int index) {
        Scenario s = (roots, cells) -> new CorruptionProbe(roots::fresh, 1).explore(TARGET, cells, index, index + 1);
        return Arguments.of(name, Guarantee.G5, Context.CORRUPT_ENTRY, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void holdsOnTheReferenceStore(String name, Guarantee g, Context context, Scenario scenario) throws Exception {
        CellTable cells = new CellTable(TARGET.id(), List.of(Verdict.NO_FAULT), TARGET::claims, false);
        try (Roots roots = new Roots("hostile")) {
            scenario.run(roots, cells);
        }
        Verdict v = cells.verdicts().stream().filter(x -> x.cell().guarantee() == g && x.cell().context().equals(context))
                .findFirst().orElseThrow(() -> new AssertionError(name + ": nothing was checked"));
        assertEquals(Status.HELD, v.status(), () -> name + ":\n" + v.describe());
    }
}
