package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Status;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Runs the checks and summarizes them as the set of guarantees with a given status. */
final class Verdicts {

    private Verdicts() {
    }

    static List<CheckResult> run(StoreTraces traces, Expectations expected, PersistenceModel model) {
        return CrashChecks.run(traces.trace(), expected, model, Exploration.defaults());
    }

    static Set<Guarantee> with(List<CheckResult> results, Status status) {
        return results.stream().filter(r -> r.status() == status).map(CheckResult::guarantee)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<Guarantee> violated(List<CheckResult> results) {
        return with(results, Status.VIOLATED);
    }

    static String failures(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed()).map(CheckResult::describe).collect(Collectors.joining("\n"));
    }
}
