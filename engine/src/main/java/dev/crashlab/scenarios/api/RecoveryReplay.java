package dev.crashlab.scenarios.api;

import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The operations a recovery made on the files it found, for a counterexample: a crash state, or
 * the live files at a pause point. While the writer is paused, calls under its root are its run's,
 * and a crash state is judged outside any run, so the files are
 * kept as the recovery found them and the recovery is run again on a copy of them under its own
 * recording: the same operations, with their source lines.
 */
final class RecoveryReplay {

    private final Snapshot found;

    private RecoveryReplay(Snapshot found) {
        this.found = found;
    }

    /** Files the recovery found, e.g. a crash state's contents. */
    static RecoveryReplay of(Snapshot found) {
        return new RecoveryReplay(found);
    }

    /** Keeps the files as they are now, before the recovery runs on them. */
    static RecoveryReplay keep(Path root) {
        try {
            return new RecoveryReplay(Snapshot.of(root));
        } catch (UncheckedIOException e) {
            // a recovery that waited for the paused writer's lock runs beside it: the files were changing
            return new RecoveryReplay(null);
        }
    }

    /** The recovery's operations on those files, one a line, indented; run on a copy under {@code scratch}. */
    String operations(CrashTarget target, Path scratch) {
        if (found == null) {
            return "    (not shown: the files changed while they were kept)";
        }
        try {
            found.writeTo(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as it ran: beside the live writer
        RunResult r = Run.in(scratch).notMine(target.notMine()).go(() -> CrashTarget.at(CrashTarget.Where.LIVE, () -> {
            target.recovery().run(scratch);
            return null;
        }));
        String listing = r.trace().size() == 0 ? "(none)" : r.trace().ops().stream()
                .map(RecoveryReplay::withoutThread).map(IoOp::describe).collect(Collectors.joining("\n    "));
        return "    " + listing + (r.thrown() == null ? "" : "\n    then it failed: " + r.thrown())
                + (r.unseen().isEmpty() ? "" : "\n    and did I/O the recording cannot see: " + String.join("; ", r.unseen()));
    }

    /** The replay's thread is not the one the recovery raced the writer on: naming it would mislead. */
    private static IoOp withoutThread(IoOp op) {
        return new IoOp(op.index(), op.kind(), op.path(), op.target(), op.offset(), op.length(), op.data(), op.atomic(),
                null, op.site(), op.opened(), op.durable());
    }
}
