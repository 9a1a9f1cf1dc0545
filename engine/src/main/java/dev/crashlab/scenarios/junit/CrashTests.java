package dev.crashlab.scenarios.junit;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.scenarios.api.ProviderLoader;
import dev.crashlab.scenarios.sequence.SequenceResult;
import dev.crashlab.scenarios.sequence.Sequences;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A target's checks as JUnit 5 dynamic tests, one per fault x guarantee x context:
 *
 * <pre>{@code
 * @CrashTest
 * Stream<DynamicTest> checkpoint() {
 *     return CrashTests.of(target);
 * }
 * }</pre>
 *
 * A claimed guarantee that breaks fails its test with the counterexample; an unclaimed one that
 * breaks is aborted (skipped) with it, since that is the price of not claiming it, not a bug; one
 * with nothing to judge (G3 when the writer failed under a fault) is aborted with the reason. The
 * check runs once, when the first test runs, writes report.json, report.html, summary.md and
 * junit.xml to {@code target/crashlab-reports/NAME/} (see {@link ReportsFolder}), and needs the
 * agent on the test JVM's command line (the Maven plugin's {@code prepare-agent} goal puts it there).
 *
 * <p>Each test carries a {@code crashlab:} source URI instead of the factory method's: Surefire
 * names a test with a method source after the method ({@code checkpoint()[6]}), and one with any
 * other source after its display name, which is what a person reading a CI log needs.
 */
public final class CrashTests {

    private CrashTests() {
    }

    public static Stream<DynamicTest> of(CrashTarget target) {
        return of(target, once(() -> report(CrashCheck.run(target))));
    }

    /**
     * As {@link #of(CrashTarget)}, for the target {@code provider} makes, loaded from the test's class
     * path as {@code crashlab check --target} loads it: its crash states are then read on every core,
     * each reader with an instance of the target of its own (docs/scaling.md), which a target built
     * inside the test method cannot have.
     */
    public static Stream<DynamicTest> of(Class<? extends CrashTargetProvider> provider) {
        ProviderLoader loader = ProviderLoader.open(System.getProperty("java.class.path"));
        CrashTarget target = loader.target(provider.getName());
        return of(target, once(() -> {
            try (loader) {
                return report(CrashCheck.run(target));
            }
        }));
    }

    private static Stream<DynamicTest> of(CrashTarget target, Supplier<CrashResult> result) {
        List<DynamicTest> tests = new ArrayList<>();
        for (var fault : target.faults()) {
            String f = fault.toString();
            tests.add(test(target.name(), result, Guarantee.G1, Context.CONCURRENT_READER, f));
            if (!target.rivals().isEmpty()) {
                tests.add(test(target.name(), result, Guarantee.G1, Context.RACE, f));
                if (target.claims().contains(Guarantee.G4)) {
                    tests.add(test(target.name(), result, Guarantee.G4, Context.RACE, f));
                }
            }
            for (var model : target.models()) {
                tests.add(test(target.name(), result, Guarantee.G2, Context.fromWireName(model.name()), f));
                tests.add(test(target.name(), result, Guarantee.G3, Context.fromWireName(model.name()), f));
            }
        }
        return tests.stream();
    }

    /**
     * A sequence check as one test per part of its walk, e.g. "kv: every sequence of up to 3 of 7
     * steps (399)" and "kv: 200 random sequences of 4 to 8 steps, seed 1". The part that found a
     * failing sequence fails with it, shrunk, its seed and its replay token; a part the walk did not
     * finish (a budget, or a failure earlier) is skipped saying so. The walk runs once, in the first
     * test, and writes its reports to {@code target/crashlab-reports/NAME/}.
     */
    public static Stream<DynamicTest> of(Sequences<?, ?> check) {
        Supplier<SequenceResult> result = once(() -> report(check.run()));
        List<String> parts = check.parts();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean random = parts.get(i).contains(" random sequences of ");
            String name = check.name() + ": " + parts.get(i);
            URI source = URI.create("crashlab:" + encode(check.name()) + "/" + (random ? "random" : "exhaustive"));
            tests.add(DynamicTest.dynamicTest(name, source, () -> {
                SequenceResult r = result.get();
                var failure = r.failed();
                if (failure.isPresent() && failure.get().random() == random) {
                    throw new Violation(r.describe());
                }
                Assumptions.assumeFalse(failure.isPresent(), () -> "not run: the exhaustive part already failed");
                // the random part starts only once every exhaustive sequence was checked
                boolean finished = r.stoppedBy().equals(SequenceResult.EVERY_SEQUENCE)
                        || !random && r.checked() > r.exhaustiveChecked();
                long here = random ? r.checked() - r.exhaustiveChecked() : r.exhaustiveChecked();
                Assumptions.assumeTrue(finished, () -> "not finished: stopped by " + r.stoppedBy() + " after " + here
                        + " sequence(s) of this part");
            }));
        }
        return tests.stream();
    }

    private static SequenceResult report(SequenceResult result) {
        Path dir = ReportsFolder.of(result.name());
        try {
            Reports.write(result.toReport(Instant.now()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crashlab reports of " + result.name() + " to " + dir, e);
        }
        return result;
    }

    private static DynamicTest test(String target, Supplier<CrashResult> result, Guarantee g, Context context, String fault) {
        String name = target + ": " + g + " " + g.title() + ", " + context
                + (fault.equals(Verdict.NO_FAULT) ? "" : ", " + fault);
        URI source = URI.create("crashlab:" + encode(target) + "/" + g + "/" + encode(context.wireName()) + "/" + encode(fault));
        return DynamicTest.dynamicTest(name, source, () -> {
            Verdict v = result.get().verdict(g, context, fault);
            if (v.status() == Status.VIOLATED) {
                throw new Violation(v.describe());
            }
            Assumptions.assumeTrue(v.status() == Status.HELD, v::describe);
        });
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static CrashResult report(CrashResult result) {
        Path dir = ReportsFolder.of(result.target());
        try {
            Reports.write(result.toReport(Instant.now()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crashlab reports of " + result.target() + " to " + dir, e);
        }
        return result;
    }

    /**
     * The counterexample is the whole message; a stack trace through JUnit and crashlab would
     * only bury it, and Surefire prints the trace of every failure.
     */
    static final class Violation extends AssertionFailedError {
        private static final long serialVersionUID = 1L;

        Violation(String counterexample) {
            super(counterexample);
            setStackTrace(new StackTraceElement[0]);
        }
    }

    /**
     * The check is costly and every test reads the same result. A check that throws (a target that
     * cannot be checked) fails the first test and is not run again: the other tests are skipped,
     * pointing at it, so the failure is reported once.
     */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        Object[] memo = new Object[1];
        RuntimeException[] failed = new RuntimeException[1];
        return () -> {
            synchronized (memo) {
                if (failed[0] != null) {
                    throw new org.opentest4j.TestAbortedException("not checked: the check failed in an earlier test ("
                            + failed[0].getMessage().lines().findFirst().orElse("") + ")");
                }
                if (memo[0] == null) {
                    try {
                        memo[0] = compute.get();
                    } catch (RuntimeException e) {
                        failed[0] = e;
                        throw e;
                    }
                }
                @SuppressWarnings("unchecked")
                T value = (T) memo[0];
                return value;
            }
        };
    }
}
