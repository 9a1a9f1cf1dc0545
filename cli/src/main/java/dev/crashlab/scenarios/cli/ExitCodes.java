package dev.crashlab.scenarios.cli;

/** The command line's exit-code contract, which CI scripts branch on. */
final class ExitCodes {

    /** Every claimed guarantee held; seeded bugs' catalogued findings are expected, not failures. */
    static final int PASSED = 0;
    /** A target under test broke a guarantee it claims, or a seeded bug went uncaught (a broken check). */
    static final int FAILED = 1;
    /** The command line was wrong: an option, a value, a path. Nothing was run. */
    static final int USAGE = 2;
    /** crashlab itself failed (an I/O error writing the report, a bug). */
    static final int INTERNAL = 3;
    /**
     * A time budget ran out before every crash state was judged, and nothing judged broke a claimed
     * guarantee: not a pass (what was not explored may break one), not a violation either.
     */
    static final int INCOMPLETE = 4;

    private ExitCodes() {
    }
}
