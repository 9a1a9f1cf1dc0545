/**
 * Explain: after grading, why a counterexample exists and what fixes it. From the recorded trace and
 * a failing crash state (or a reader's pause point) a {@link dev.crashlab.reports.Vulnerability}
 * is named by class, with the operations at stake and their source lines; where the class has a
 * fix, the fix is applied to the recorded trace, the crash states are explored again and judged by
 * the same oracle, and the fix is reported as verified or not sufficient. Engine-agnostic: the
 * caller supplies the oracle, so the campaign and a user's check explain the same way.
 *
 * <p>Pipeline: record -> explore -> judge -> grade -> <b>explain</b> -> report.
 */
package dev.crashlab.scenarios.explain;
