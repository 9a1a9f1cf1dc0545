package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Files.move, recorded as the system calls the JDK makes (UnixFileSystem.move). With ATOMIC_MOVE:
 * one rename(2). Without it: an existing destination is unlinked first when REPLACE_EXISTING is
 * given (a window in which the destination does not exist), then rename(2); and when the plan
 * makes the rename fail with EXDEV, a copy and an unlink of the source ({@link FileCopier}).
 */
final class MoveOp extends EntryOp {

    private final Path source;
    private final Path destination;
    private final CopyOption[] options;

    MoveOp(ActiveRun run, Path source, Path destination, CopyOption[] options) {
        super(run, OpKind.MOVE, run.scope().name(source), run.scope().name(destination),
                options != null && Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE), Result.VOID, false);
        this.source = source;
        this.destination = destination;
        this.options = options == null ? new CopyOption[0] : options;
    }

    @Override
    IoDispatch.Token begin() throws Throwable {
        run.liveness().checkAlive();
        boolean replacing = !atomic() && Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)
                && Files.exists(destination, LinkOption.NOFOLLOW_LINKS) && !sameFile();
        int chunk = run.plan().copyChunk(this);
        if (chunk <= 0 && !atomic() && crossesFileStores()) {
            // rename(2) will fail with EXDEV and the JDK copy in native code: do that copy where it is seen
            chunk = FileCopier.WHOLE;
        }
        if (!replacing && chunk <= 0) {
            return super.begin();
        }
        // Released so that each step is itself intercepted: recorded, faultable.
        run.threads().unguard();
        try {
            if (chunk > 0) {
                FileCopier.move(source, destination, options, chunk);
            } else {
                Files.delete(destination);
            }
        } finally {
            run.threads().guard();
        }
        return chunk > 0 ? new Replaced(run, null) : super.begin();
    }

    private boolean sameFile() {
        try {
            return Files.isSameFile(source, destination);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean crossesFileStores() {
        try {
            Path parent = destination.toAbsolutePath().getParent();
            if (source.getFileSystem() != destination.getFileSystem()) {
                return true;
            }
            if (source.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                // st_dev, what rename(2) compares; a FileStore lookup reads the mount table
                return !Files.getAttribute(source, "unix:dev", LinkOption.NOFOLLOW_LINKS)
                        .equals(Files.getAttribute(parent, "unix:dev"));
            }
            return !Files.getFileStore(source).equals(Files.getFileStore(parent));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
