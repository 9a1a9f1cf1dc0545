package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.grade.ReportAssembler;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.CrashPoint;
import dev.crashlab.reports.CrashPosition;
import dev.crashlab.reports.Fates;
import dev.crashlab.reports.TraceOp;
import java.util.List;

/**
 * Builds the reports module's counterexample for a user's target, so that failing tests, the
 * command line and the HTML report all print it the way they print the campaign's.
 */
final class Counterexamples {

    private Counterexamples() {
    }

    /** A crash state the reader judged. */
    static Counterexample crash(Scenario s, CrashState state, Reading saw, Expectation expected,
                                CrashTarget.Acknowledged returned) {
        var p = state.provenance();
        int point = p.crashPoint();
        String fault = (Context.fromWireName(p.model()).isPowerFailure() ? "power failure" : "process crash") + " after " + point
                + " of " + s.trace().size() + " operations, " + p.model() + " model" + s.faultSuffix();
        CrashPoint at = s.trace().size() == 0 ? null
                : point == 0 ? new CrashPoint(0, CrashPosition.BEFORE, null) : new CrashPoint(point - 1, CrashPosition.AFTER, null);
        Fates provenance = ReportAssembler.fates(p);
        return build(s, fault, at, provenance, expected.saw(saw, returned) + "\nstate left on disk:\n"
                + state.contents().toString().strip() + recoveryOn(s.target(), state),
                expected.shown(saw, returned), point > 0 ? s.trace().get(point - 1).site() : null);
    }

    /** What the target's recovery did to the state before the reader read it; "" without one. */
    private static String recoveryOn(CrashTarget target, CrashState state) {
        if (!target.recovers()) {
            return "";
        }
        try (Roots scratch = new Roots(target.name())) {
            return "\nthe recovery's operations on it:\n" + RecoveryReplay.of(state.contents()).operations(target,
                    scratch.fresh());
        }
    }

    /** The reader run while the writer was paused with {@code happened} operations done (or after it returned). */
    static Counterexample paused(Scenario s, int happened, CrashTarget.Acknowledged acknowledged, Reading saw,
                                 Expectation expected) {
        boolean returned = acknowledged.returned();
        int size = s.trace().size();
        String fault = (returned ? "the reader ran after the writer returned"
                : "writer paused before operation #" + happened + " while the reader ran") + s.faultSuffix();
        CrashPoint at = size == 0 ? null : happened < size
                ? new CrashPoint(happened, CrashPosition.BEFORE, "writer paused, reader ran")
                : new CrashPoint(size - 1, CrashPosition.AFTER, returned ? "writer returned, reader ran" : "writer paused, reader ran");
        return build(s, fault, at, null, expected.saw(saw, acknowledged), expected.shown(saw, acknowledged),
                happened < size ? s.trace().get(happened).site() : null);
    }

    /**
     * The same counterexample told as what really happened around the pause (rivals wrote, a recovery
     * ran, the writer resumed), with what the reader then found.
     */
    static Counterexample retold(Counterexample c, String fault, String saw) {
        return new Counterexample(c.seed(), fault, c.workload(), c.trace(), c.crashPoint(), null,
                saw, c.allowed(), c.sourceLine());
    }

    private static Counterexample build(Scenario s, String fault, CrashPoint at, Fates provenance, String saw,
                                        List<String> allowed, String site) {
        List<String> steps = List.of("set-up of " + s.target().name() + " (run first, never crashed)",
                "writer of " + s.target().name() + " (" + s.trace().size() + " I/O operations)");
        return new Counterexample(s.token(), fault, steps, ops(s.trace()), at, provenance, saw,
                allowed, site);
    }

    private static List<TraceOp> ops(IoTrace trace) {
        return trace.ops().stream().map(ReportAssembler::traceOp).toList();
    }
}
