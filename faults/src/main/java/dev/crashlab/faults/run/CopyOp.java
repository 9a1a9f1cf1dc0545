package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * Files.copy into the run's scope. The JDK copies in native code (sendfile on 17, copy_file_range
 * on 25), after unlinking an existing destination for REPLACE_EXISTING; the copy is performed here
 * the same way through {@link FileCopier}, so the unlink, the exclusive create and the transfer are
 * each an operation of the trace: a reader can be shown the missing or empty destination, and a
 * crash can land between them.
 */
final class CopyOp {

    private CopyOp() {
    }

    /** Null to let the JDK proceed (nothing in scope will change, or it will refuse the copy). */
    static IoDispatch.Token begin(ActiveRun run, Path source, Path destination, CopyOption[] given) throws Throwable {
        List<CopyOption> options = Arrays.asList(given == null ? new CopyOption[0] : given);
        LinkOption[] follow = options.contains(LinkOption.NOFOLLOW_LINKS)
                ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(source, BasicFileAttributes.class, follow);
        } catch (IOException missing) {
            return null;
        }
        boolean exists = Files.exists(destination, LinkOption.NOFOLLOW_LINKS);
        if (exists && (!options.contains(StandardCopyOption.REPLACE_EXISTING) || Files.isSameFile(source, destination))) {
            return null;
        }
        if (!attrs.isRegularFile() && !attrs.isDirectory()) {
            run.blindSpots().add(run.scope().relative(destination), "made by Files.copy of a symbolic link or special file,"
                    + " which the trace does not model");
            return null;
        }
        run.liveness().checkAlive();
        run.threads().unguard();
        try {
            if (exists) {
                Files.delete(destination);
            }
            if (attrs.isDirectory()) {
                Files.createDirectory(destination);
            } else {
                FileCopier.copyFile(source, attrs, destination, FileCopier.WHOLE,
                        options.contains(StandardCopyOption.COPY_ATTRIBUTES));
            }
        } finally {
            run.threads().guard();
        }
        return new Pending.Replaced(run, null);
    }
}
