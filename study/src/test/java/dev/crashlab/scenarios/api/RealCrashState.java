package dev.crashlab.scenarios.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A crash state a real kernel left, judged exactly as a check judges one it explored: the target's
 * recovery, then its reader, then its own expectation (values or oracle) with what was
 * acknowledged at the crash point. It sits in the check API's package, in the study's tests only,
 * because the expectation is deliberately not public: a user's code never needs it, and this
 * measurement must not judge by a copy of it.
 */
public final class RealCrashState {

    private final CrashTarget target;
    private final Reading found;

    private RealCrashState(CrashTarget target, Reading found) {
        this.target = target;
        this.found = found;
    }

    /**
     * The target's set-up on {@code root} exactly as a check's fault-free run does it: its reader
     * runs once after it, which changes what some writers then do (HSQLDB's open checkpoints a
     * database its reader shut down without one), and so the crash points' numbers.
     */
    public static void setUp(CrashTarget target, Path root) {
        WriterRun.setUp(target, root, true);
    }

    /** Runs the target's recovery and reader on {@code root}, the target's root in a mounted copy of the device. */
    public static RealCrashState read(CrashTarget target, Path root) {
        return new RealCrashState(target, Reading.afterRecovery(target, root, CrashTarget.Where.CRASH_STATE));
    }

    /**
     * Whether the target allows what was read, with these labels acknowledged at the crash point
     * (none for G2) and the writer returned there or not.
     */
    public boolean allowed(List<String> acknowledged, boolean returned) {
        return target.expectation().admits(found, new CrashTarget.Acknowledged(acknowledged, returned));
    }

    @Override
    public String toString() {
        return found.toString();
    }
}
