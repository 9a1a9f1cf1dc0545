package dev.crashlab.scenarios.property;

import java.util.List;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * How the property tests run QuickTheories: always with a fixed seed, so CI is reproducible, read
 * from {@code -Dcrashlab.seed} ({@code random} draws one from the clock and prints it first), and
 * {@code -Dcrashlab.examples} examples per property. Any failure names the seed and the command
 * that replays it.
 *
 * <p>A long random run: {@code mvn -B -ntp -pl scenarios -am test -Dtest='*Property*'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcrashlab.seed=random -Dcrashlab.examples=2000}
 */
final class QtRun {

    /** The seed CI uses unless told otherwise. Any fixed number would do. */
    static final long DEFAULT_SEED = 5_2025L;
    /** Keeps both property classes well under a minute on two busy cores. */
    static final int DEFAULT_EXAMPLES = 25;
    /**
     * A failing property is shrunk at most this many times. QuickTheories shrinks one random draw
     * per cycle and a workload takes a dozen or more draws, so a 12-step workload needs about 200
     * cycles to come down to one step; each cycle re-runs the checks (tens of milliseconds against
     * stream-to-final, up to a second for the reference's four models), so a failure's shrink
     * stays within a few minutes.
     */
    static final int SHRINK_CYCLES = 200;

    static final long SEED;
    static final int EXAMPLES;

    static {
        String asked = System.getProperty("crashlab.seed", "").trim();
        if (asked.isEmpty()) {
            SEED = DEFAULT_SEED;
        } else if (asked.equalsIgnoreCase("random")) {
            SEED = System.nanoTime();
        } else {
            SEED = Long.decode(asked);
        }
        EXAMPLES = Integer.getInteger("crashlab.examples", DEFAULT_EXAMPLES);
        if (EXAMPLES < 1) {
            throw new IllegalArgumentException("crashlab.examples must be at least 1, was " + EXAMPLES);
        }
        System.out.println("[crashlab] property tests: seed " + SEED
                + (asked.equalsIgnoreCase("random") ? " (random)" : asked.isEmpty() ? " (default)" : "")
                + ", " + EXAMPLES + " examples per property; replay with " + replay());
    }

    private QtRun() {
    }

    /** The flags that run exactly these examples again. */
    static String replay() {
        return "-Dcrashlab.seed=" + SEED + " -Dcrashlab.examples=" + EXAMPLES;
    }

    private static QuickTheory qt(Reporter reporter) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .withReporter(reporter);
    }

    /** Checks {@code property} for every generated example; a failure names the seed and how to replay it. */
    static <T> void check(String name, Gen<T> gen, Consumer<T> property) {
        try {
            qt(new ExceptionReporter()).forAll(gen).checkAssert(property);
        } catch (AssertionError | IllegalStateException e) {
            throw new AssertionError("property '" + name + "' failed with crashlab.seed=" + SEED + " ("
                    + EXAMPLES + " examples); replay: " + replay() + "\n" + e.getMessage(), e);
        }
    }

    /** What QuickTheories reported for a property that failed: the shrunk example and the message. */
    record Falsified<T>(T smallest, List<Object> others, String message) {
    }

    /**
     * Runs a property that must fail (a seeded bug), and returns the smallest falsifying example
     * QuickTheories shrank it to. Fails if every example passed.
     */
    @SuppressWarnings("unchecked")
    static <T> Falsified<T> expectFalsified(String name, Gen<T> gen, Consumer<T> property) {
        Object[] smallest = new Object[1];
        List<Object>[] others = new List[1];
        Reporter capturing = new Reporter() {
            private final ExceptionReporter delegate = new ExceptionReporter();

            @Override
            public void falisification(long seed, int examplesUsed, Object smallestFound, Throwable cause,
                                       List<Object> otherFound, AsString<Object> asString) {
                smallest[0] = smallestFound;
                others[0] = otherFound;
                delegate.falisification(seed, examplesUsed, smallestFound, cause, otherFound, asString);
            }

            @Override
            public void falisification(long seed, int examplesUsed, Object smallestFound, List<Object> otherFound,
                                       AsString<Object> asString) {
                smallest[0] = smallestFound;
                others[0] = otherFound;
                delegate.falisification(seed, examplesUsed, smallestFound, otherFound, asString);
            }

            @Override
            public void valuesExhausted(int examples) {
                delegate.valuesExhausted(examples);
            }
        };
        try {
            qt(capturing).forAll(gen).checkAssert(property);
        } catch (AssertionError e) {
            if (smallest[0] == null) {
                throw e;
            }
            return new Falsified<>((T) smallest[0], others[0], e.getMessage());
        }
        throw new AssertionError("property '" + name + "' held for all " + EXAMPLES + " examples with crashlab.seed="
                + SEED + ", but it runs against a seeded bug and must fail; replay: " + replay());
    }
}
