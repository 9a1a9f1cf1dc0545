package dev.crashlab.faults.run;

import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Files.copy into the run's scope. The JDK copies in native code, so the copy is recorded after the
 * fact as what it left: CREATE (or TRUNCATE) of the destination and one WRITE of its contents.
 */
final class CopyOp extends Pending {

    private final Path destination;
    private final boolean existed;

    CopyOp(Interceptor run, String rel, Path destination) {
        super(run, OpKind.WRITE, rel);
        this.destination = destination;
        this.existed = Files.exists(destination, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    void record(Object returned) throws IOException {
        run.recorder().add(existed ? OpKind.TRUNCATE : OpKind.CREATE, path, null, -1, existed ? 0 : -1, null, false);
        if (!Files.isDirectory(destination)) {
            byte[] bytes = Files.readAllBytes(destination);
            run.recorder().add(OpKind.WRITE, path, null, 0, bytes.length, bytes, false);
        }
    }
}
