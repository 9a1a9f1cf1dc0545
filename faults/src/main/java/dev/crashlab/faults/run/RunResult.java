package dev.crashlab.faults.run;

import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Optional;

/**
 * What one run did and how it ended.
 *
 * @param trace          the operations that happened (up to and including a partial write), with the
 *                       snapshot of the root taken before the workload
 * @param crash          the simulated crash, or null if the plan never fired one
 * @param thrown         what the workload threw (the crash itself when the target let it through)
 * @param finding        set when the target swallowed the crash (caught it, carried on or replaced it)
 * @param callbackErrors failures of pause-point callbacks (a reader that threw, say)
 * @param unseen         in-scope I/O the instrumentation saw start but cannot follow (a memory
 *                       mapping, a native transfer, an asynchronous channel), one line each with
 *                       the target's source line: if this is not empty, the trace is incomplete
 * @param acknowledgements what the target acknowledged during the run ({@link Run#acknowledge}), in order
 */
public record RunResult(IoTrace trace, SimulatedCrash crash, Throwable thrown, String finding,
                        List<Throwable> callbackErrors, List<String> unseen,
                        List<dev.crashlab.faults.trace.Acknowledgement> acknowledgements) {

    public RunResult {
        callbackErrors = List.copyOf(callbackErrors);
        unseen = List.copyOf(unseen);
        acknowledgements = List.copyOf(acknowledgements);
    }

    static RunResult of(IoTrace trace, SimulatedCrash crash, Throwable thrown, int attemptsAfterDeath,
                        List<Throwable> callbackErrors, List<String> unseen,
                        List<dev.crashlab.faults.trace.Acknowledgement> acknowledgements) {
        return new RunResult(trace, crash, thrown, finding(crash, thrown, attemptsAfterDeath), callbackErrors, unseen,
                acknowledgements);
    }

    public boolean crashed() {
        return crash != null;
    }

    /** E.g. "crash inside #3 WRITE .x.tmp after 5 of 12 bytes". */
    public Optional<String> crashPoint() {
        return crash == null ? Optional.empty() : Optional.of(crash.getMessage());
    }

    /** Present when the target did not die of the crash: a bug in the target, not in the harness. */
    public Optional<String> swallowedCrash() {
        return Optional.ofNullable(finding);
    }

    private static String finding(SimulatedCrash crash, Throwable thrown, int attemptsAfterDeath) {
        if (crash == null || thrown == crash) {
            return null;
        }
        String more = attemptsAfterDeath == 0 ? ""
                : " and then attempted " + attemptsAfterDeath + " more in-scope operation(s), which failed";
        if (thrown == null) {
            return "the target caught the simulated crash (" + crash.getMessage() + ")" + more
                    + " and returned normally: a real crash cannot be caught";
        }
        return "the target caught the simulated crash (" + crash.getMessage() + ")" + more
                + " and ended with " + thrown + " instead";
    }
}
