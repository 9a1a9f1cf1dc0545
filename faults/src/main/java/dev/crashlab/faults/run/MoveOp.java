package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Files.move: recorded as one MOVE, or, if the plan says so, performed as a visible copy. */
final class MoveOp extends PathOp {

    private final Path source;
    private final Path destination;
    private final CopyOption[] options;

    MoveOp(Interceptor run, Path source, Path destination, CopyOption[] options) {
        super(run, OpKind.MOVE, run.scope().name(source), false);
        this.source = source;
        this.destination = destination;
        this.options = options == null ? new CopyOption[0] : options;
        this.target = run.scope().name(destination);
        this.atomic = Arrays.asList(this.options).contains(StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    IoDispatch.Token begin() throws Throwable {
        run.checkAlive();
        int chunk = run.plan().copyChunk(this);
        if (chunk <= 0) {
            return super.begin();
        }
        // Released so that each step of the copy is itself intercepted: recorded, faultable.
        run.unguard();
        try {
            MoveCopier.move(source, destination, options, chunk);
        } finally {
            run.guard();
        }
        return new Replaced(run, null);
    }

    @Override
    public boolean crossesFileStores() {
        try {
            Path parent = destination.toAbsolutePath().getParent();
            return !Files.getFileStore(source).equals(Files.getFileStore(parent));
        } catch (IOException e) {
            return false;
        }
    }
}
