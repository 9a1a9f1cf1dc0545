package dev.crashlab.scenarios.api;

import dev.crashlab.faults.run.Run;
import java.nio.file.Path;
import java.util.List;

/**
 * The writer as a benchmark runs it: once, on a fresh directory, with no recording around it. A
 * writer that needs crashlab's instrumentation to run is one whose cost without it would be the cost
 * of something other than what the check judged, so it is refused, saying which of three ways it
 * needs it: it fails without a recording; it installs crashlab's instrumentation itself (it calls
 * into the recording, a {@code Run} or a nested check, so what a benchmark times would be
 * instrumented code); or the files it leaves are not what the target declares once the writer
 * returned. {@link CrashTarget#ack} is the one hook a writer may call: outside a check it does nothing.
 */
final class Uninstrumented {

    private Uninstrumented() {
    }

    static void run(CrashTarget target, Path root) {
        String name = target.name();
        try {
            target.setUp().run(root);
        } catch (Exception e) {
            throw new TargetFailedException("the set-up of " + name + " failed: " + e, e);
        }
        // Runs begun by the writer's thread and those it starts, not "is the agent installed": another
        // thread (a parallel test) may install it meanwhile, and that is no fault of this writer's.
        long runs;
        try {
            runs = Run.counted(() -> target.writer().run(root));
        } catch (Exception | LinkageError e) {
            throw new TargetFailedException("the writer of " + name + " needs crashlab's instrumentation to run: without"
                    + " it, it failed (" + e + "), and a benchmark must time it without: make the writer your code"
                    + " alone (CrashTarget.ack is the one crashlab call it may make)", e);
        }
        if (runs > 0) {
            throw new TargetFailedException("the writer of " + name + " needs crashlab's instrumentation to run: it"
                    + " records itself (it calls into crashlab's recording, a Run or a check), so a benchmark would"
                    + " time instrumented code: make the writer your code alone (CrashTarget.ack is the one crashlab"
                    + " call it may make)", null);
        }
        CrashTarget.Acknowledged returned = new CrashTarget.Acknowledged(List.of(), true);
        Reading found = Reading.of(target, root, CrashTarget.Where.LIVE);
        if (!target.expectation().admits(found, returned)) {
            throw new TargetFailedException("the writer of " + name + " needs crashlab's instrumentation to do what the"
                    + " check judges, or its reader's declaration is wrong: run without it, it leaves files where the"
                    + " reader finds " + target.expectation().saw(found, returned) + ", not "
                    + String.join(" or ", target.expectation().shown(found, returned))
                    + " as the target declares once the writer returned, so a benchmark would time something else", null);
        }
    }
}
