package dev.crashlab.scenarios.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a target's reader may find: while the writer runs (or after a crash during it), and once
 * the writer has returned. Either exact values (the old one, the new one, any intermediate
 * versions) or the user's {@link CrashTarget.Oracle}. Every judge, counterexample and fix
 * verification of a user's target asks this one object.
 */
abstract class Expectation {

    /** Whether the reader may find this; an error is never allowed. */
    abstract boolean admits(Reading found, CrashTarget.Acknowledged acknowledged);

    /** The "allowed:" lines of a counterexample where the reader found {@code found}. */
    abstract List<String> shown(Reading found, CrashTarget.Acknowledged acknowledged);

    /** Whether acknowledgements before the writer returns change what is allowed (an oracle's do; exact values' do not). */
    abstract boolean judgesAcknowledgements();

    /**
     * What is wrong with the reader's finding right after the set-up, or null: every verdict compares
     * with this expectation, so one that the untouched set-up already fails would make each meaningless.
     */
    abstract String setUpProblem(Reading found);

    /**
     * The "reader saw:" of a counterexample: the finding, told apart from what was allowed where it
     * prints the same (its types) or is too long to print (where it first differs).
     */
    String saw(Reading found, CrashTarget.Acknowledged acknowledged) {
        return found.toString();
    }

    /** The value the reader found, as a list to tell allowed values apart from; empty for an error. */
    static List<Object> valueOf(Reading found) {
        return found.error() != null ? List.of() : java.util.Collections.singletonList(found.value());
    }

    static Expectation exact(Object before, Object after, List<?> alsoDuring) {
        List<Object> during = new ArrayList<>(Arrays.asList(before, after));
        during.addAll(alsoDuring);
        return new Exact(during, Arrays.asList(after));
    }

    /** Any of these values, whenever the reader looks. */
    static Expectation anyOf(List<Object> values) {
        return new Exact(values, values);
    }

    static <T> Expectation oracle(CrashTarget.Oracle<T> oracle, String description) {
        return new ByOracle<>(oracle, description);
    }

    /** What a race oracle allows for {@code judged}, once both writers are done. */
    static <T> Expectation race(CrashTarget.RaceOracle<T> oracle, dev.crashlab.reports.Guarantee judged) {
        return new ByRaceOracle<>(oracle, judged);
    }

    private static final class Exact extends Expectation {
        private final List<Object> during;
        private final List<Object> after;

        Exact(List<Object> during, List<Object> after) {
            this.during = during;
            this.after = after;
        }

        private List<Object> values(boolean returned) {
            return returned ? after : during;
        }

        @Override
        boolean admits(Reading found, CrashTarget.Acknowledged acknowledged) {
            return found.isOneOf(values(acknowledged.returned()));
        }

        @Override
        List<String> shown(Reading found, CrashTarget.Acknowledged acknowledged) {
            return values(acknowledged.returned()).stream().map(v -> Reading.show(v, valueOf(found))).toList();
        }

        @Override
        boolean judgesAcknowledgements() {
            return false;
        }

        @Override
        String saw(Reading found, CrashTarget.Acknowledged acknowledged) {
            List<Object> allowed = values(acknowledged.returned());
            return found.shownAgainst(allowed) + found.firstDifference(allowed);
        }

        @Override
        String setUpProblem(Reading found) {
            List<Object> declared = Arrays.asList(during.get(0));
            return found.isOneOf(declared) ? null : "finds " + found.shownAgainst(declared) + " after the set-up, but the"
                    + " target declares " + Reading.show(during.get(0), valueOf(found)) + " as what it finds before the"
                    + " writer runs: fix .reader(read, before, after) or the set-up";
        }
    }

    private static class ByOracle<T> extends Expectation {
        private final CrashTarget.Oracle<T> oracle;
        private final String description;

        ByOracle(CrashTarget.Oracle<T> oracle, String description) {
            this.oracle = oracle;
            this.description = description;
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean admits(Reading found, CrashTarget.Acknowledged acknowledged) {
            if (found.error() != null) {
                return false;
            }
            try {
                return CrashTarget.at(found.where(), () -> oracle.allows((T) found.value(), acknowledged));
            } catch (Exception e) {
                // an oracle that throws (or is handed a value it does not take) has not allowed the finding
                return false;
            }
        }

        @Override
        List<String> shown(Reading found, CrashTarget.Acknowledged acknowledged) {
            String when = acknowledged.describe();
            return List.of(description + (when.isEmpty() ? "" : " (" + when + ")"));
        }

        @Override
        boolean judgesAcknowledgements() {
            return true;
        }

        @Override
        String setUpProblem(Reading found) {
            return admits(found, CrashTarget.Acknowledged.NOTHING) ? null : "finds " + found + " after the set-up, which its oracle (" + description
                    + ") does not allow: fix .oracle(...) or the set-up";
        }
    }

    /** A race oracle's answer for one guarantee, asked as an oracle is; what it allowed is its own to tell. */
    private static final class ByRaceOracle<T> extends ByOracle<T> {
        private final CrashTarget.RaceOracle<T> oracle;
        private final dev.crashlab.reports.Guarantee judged;

        ByRaceOracle(CrashTarget.RaceOracle<T> oracle, dev.crashlab.reports.Guarantee judged) {
            super((found, acknowledged) -> oracle.allows(found, judged), "what the race oracle allows");
            this.oracle = oracle;
            this.judged = judged;
        }

        @Override
        List<String> shown(Reading found, CrashTarget.Acknowledged acknowledged) {
            return oracle.allowed(judged);
        }

        @Override
        String setUpProblem(Reading found) {
            return null; // asked only once two writers are done; the target's own expectation judges the set-up
        }
    }
}
