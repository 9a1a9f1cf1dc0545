package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.crash.Roots;
import java.nio.file.Path;
import java.util.List;

/**
 * Which recording a check uses ({@link CrashTarget.IoRecording}), decided by the fault-free run: the
 * JVM's, unless the target asked for the system calls, or (by default) the JVM recording proved
 * incomplete and the system calls can be recorded here, in which case the check switches and the
 * report says why. Either way an incomplete trace is refused, never judged.
 */
final class RecordingChoice {

    private boolean syscalls;

    RecordingChoice(CrashTarget target) {
        this.syscalls = target.recording() == CrashTarget.IoRecording.SYSCALLS;
    }

    boolean syscalls() {
        return syscalls;
    }

    /** The fault-free run, by the JVM or at the system calls. */
    WriterRun faultFree(CrashTarget target, Path root, FaultPlan plan, Roots roots, List<String> notes) {
        if (syscalls) {
            return SyscallWriter.record(target, root, notes);
        }
        WriterRun jvm = WriterRun.faultFree(target, root, plan);
        if (jvm.complete()) {
            return jvm;
        }
        if (target.recording() == CrashTarget.IoRecording.JVM) {
            throw jvm.incomplete(target, "the instrumentation cannot see", "");
        }
        String why = SyscallWriter.unavailable(target);
        if (why != null) {
            throw jvm.incomplete(target, "the instrumentation cannot see",
                    "\n  and it cannot be recorded at the system calls instead: " + why);
        }
        syscalls = true;
        notes.add(target.name() + ": recorded at the system calls (strace), because the JVM recording did not see all"
                + " of its writer's I/O: " + String.join("; ", jvm.result().unseen()));
        WriterRun recorded = SyscallWriter.record(target, roots.fresh(), notes);
        return recorded.withTrace(JvmSites.named(recorded.trace(), jvm.trace()));
    }

    /** What a check at the system calls leaves unjudged, and why: said in the report, never shown as held. */
    static void notJudged(CrashTarget target, int fault, FaultPlan plan, List<String> notes) {
        if (fault > 0) {
            notes.add(target.name() + " under " + plan + ": not judged, the fault is injected at the JVM's calls and the"
                    + " writer was recorded at the system calls");
        }
    }
}
