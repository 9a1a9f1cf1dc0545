package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.Roots;
import java.util.List;
import java.util.function.Predicate;

/**
 * The judges of a writer recorded at the system calls: every crash state each persistence model
 * allows, as for the JVM recording, and the reader beside the writer held at each system call. What this mode cannot judge is declared and said, so it shows as
 * not applicable with its reason, never as held.
 */
final class SyscallJudge {

    private SyscallJudge() {
    }

    static void judge(CrashTarget target, int fault, WriterRun recorded, Roots roots, Predicate<Context> contexts,
                      Cells cells, List<String> notes) {
        if (contexts.test(Context.CONCURRENT_READER)) {
            SyscallReaderJudge.judge(target, fault, recorded, roots, cells, notes);
        }
        if (!target.rivals().isEmpty() && contexts.test(Context.RACE)) {
            notes.add(target.name() + ": racing writers not judged: the writer was recorded at the system calls");
        }
        CrashStateJudge.judge(target, fault, recorded, roots, contexts, cells, notes);
    }
}
