package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import java.io.IOException;

/**
 * An oracle for one guarantee over one crash state. The built-in checkers keep stores open between
 * states and are not thread-safe: one set per checking thread ({@link CrashChecks#checkersFor}).
 */
public interface Checker {

    Guarantee guarantee();

    /** Judges the state; may read it, and (G5 only) write to it, so G5 runs last on each state. */
    CheckResult check(CrashCase crashCase) throws IOException;
}
