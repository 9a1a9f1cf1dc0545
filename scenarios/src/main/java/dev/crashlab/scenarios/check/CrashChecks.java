package dev.crashlab.scenarios.check;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges every crash state a persistence model allows for one trace with the guarantee checkers:
 * G1 and G2 (process crash) or G2 (power failure), G3, G4, G6 read the state, then G5 writes to it.
 */
public final class CrashChecks {

    private CrashChecks() {
    }

    /** The checkers that apply to states of this model, read-only ones first and G5 last. */
    public static List<Checker> checkersFor(PersistenceModel model) {
        List<Checker> checkers = new ArrayList<>();
        if (model instanceof ProcessCrash) {
            checkers.add(new AtomicityChecker(Guarantee.G1));
        }
        checkers.add(new AtomicityChecker(Guarantee.G2));
        checkers.add(new DurabilityChecker());
        checkers.add(new WriteOnceChecker());
        checkers.add(new CollateralChecker());
        checkers.add(new RecoverabilityChecker());
        return checkers;
    }

    /** Every verdict on every distinct crash state, in exploration order. */
    public static List<CheckResult> run(IoTrace trace, Expectations expected, PersistenceModel model,
                                        Exploration exploration) {
        List<Checker> checkers = checkersFor(model);
        List<CheckResult> results = new ArrayList<>();
        ReadingMemo memo = new ReadingMemo();
        try (Materializer materializer = Materializer.inMemory()) {
            new CrashStates(trace).explore(model, exploration, state -> {
                try (Materialized m = materializer.materialize(state)) {
                    CrashCase crashCase = new CrashCase(m.root(), state, expected, trace.before(), memo);
                    for (Checker checker : checkers) {
                        results.add(checker.check(crashCase));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }
}
