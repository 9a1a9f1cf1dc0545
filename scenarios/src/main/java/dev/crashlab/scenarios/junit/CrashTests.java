package dev.crashlab.scenarios.junit;

import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.Verdict;
import dev.crashlab.scenarios.target.Context;
import dev.crashlab.scenarios.target.Guarantee;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * A target's checks as JUnit 5 dynamic tests, one per fault x guarantee x context:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> crash() {
 *     return CrashTests.of(target);
 * }
 * }</pre>
 *
 * A claimed guarantee that breaks fails its test with the counterexample; an unclaimed one that
 * breaks is aborted (skipped) with it, since that is the price of not claiming it, not a bug; one
 * with nothing to judge (G3 when the writer failed under a fault) is aborted with the reason. The
 * check runs once, when the first test runs, and needs the agent on Surefire's argLine.
 */
public final class CrashTests {

    private CrashTests() {
    }

    public static Stream<DynamicTest> of(CrashTarget target) {
        Supplier<CrashResult> result = once(() -> CrashCheck.run(target));
        List<DynamicTest> tests = new ArrayList<>();
        for (var fault : target.faults()) {
            String f = fault.toString();
            tests.add(test(result, Guarantee.G1, Context.CONCURRENT_READER, f));
            for (var model : target.models()) {
                tests.add(test(result, Guarantee.G2, model.name(), f));
                tests.add(test(result, Guarantee.G3, model.name(), f));
            }
        }
        return tests.stream();
    }

    private static DynamicTest test(Supplier<CrashResult> result, Guarantee g, String context, String fault) {
        String name = g + " " + g.title() + ", " + context + (fault.equals(Verdict.NO_FAULT) ? "" : ", " + fault);
        return DynamicTest.dynamicTest(name, () -> {
            Verdict v = result.get().verdict(g, context, fault);
            if (v.status() == Status.VIOLATED) {
                Assertions.fail(v.describe());
            }
            Assumptions.assumeTrue(v.status() == Status.HELD, v::describe);
        });
    }

    /** The check is costly and every test reads the same result. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        Object[] memo = new Object[1];
        return () -> {
            synchronized (memo) {
                if (memo[0] == null) {
                    memo[0] = compute.get();
                }
                @SuppressWarnings("unchecked")
                T value = (T) memo[0];
                return value;
            }
        };
    }
}
