package dev.crashlab.scenarios.api;

import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.syscall.SyscallRecording;
import java.nio.file.Path;
import java.util.List;

/**
 * The writer recorded at the system calls: the set-up on a fresh root in this JVM, outside any
 * recording, then the writer alone in a child JVM under strace ({@link SyscallChild}). The trace
 * must prove itself complete, as the JVM recording's must: otherwise no verdict.
 */
final class SyscallWriter {

    private SyscallWriter() {
    }

    /** Why this target cannot be recorded at the system calls here; null if it can. */
    static String unavailable(CrashTarget target) {
        if (target.origin() == null) {
            return "the system-call recording runs the writer in a child JVM, which makes the target again from its"
                    + " provider class: check it with crashlab check --target CLASS --classpath CP (or load it with"
                    + " ProviderLoader)";
        }
        String strace = SyscallRecording.unavailable();
        return strace == null ? null : "the system-call recording needs strace: " + strace;
    }

    static WriterRun record(CrashTarget target, Path root, List<String> notes) {
        String why = unavailable(target);
        if (why != null) {
            throw new TargetFailedException(target.name() + " cannot be recorded at the system calls: " + why, null);
        }
        WriterRun.setUp(target, root, true);
        SyscallRecording recording = recording(target, root);
        RunResult result = recording.go(command(target, root));
        WriterRun recorded = new WriterRun(root, result);
        if (!recorded.complete()) {
            throw recorded.incomplete(target, "the system-call recording cannot decode", "");
        }
        if (!recording.notJudged().isEmpty()) {
            notes.add(target.name() + ": not judged, declared volatile (rebuilt when the store opens) and left out of"
                    + " the trace: " + String.join(", ", recording.notJudged()));
        }
        return recorded;
    }

    static SyscallRecording recording(CrashTarget target, Path root) {
        return SyscallRecording.in(root).volatileFiles(target.volatileFiles());
    }

    static List<String> command(CrashTarget target, Path root) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and one GC thread: the child runs one short writer, and startup is most of its time
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"),
                SyscallChild.class.getName(), target.origin().providerClass(), target.origin().classpath(),
                root.toAbsolutePath().toString());
    }
}
