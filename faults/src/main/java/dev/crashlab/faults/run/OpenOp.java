package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.ReadOpen;
import dev.crashlab.faults.trace.OpKind;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * An open of an in-scope file. It is an operation in the trace only when it changes the file
 * system: CREATE for a file that did not exist, TRUNCATE for an existing non-empty file opened
 * with TRUNCATE_EXISTING. Either way the returned handle is remembered so its writes are seen.
 */
final class OpenOp extends Pending {

    private final boolean directory;
    private final boolean writable;
    private final boolean durable;
    private final long initialPosition;
    private Handles.Handle handle;
    /**
     * DELETE_ON_CLOSE on the default file system: the JDK unlinks the file right after opening it
     * (UnixChannelFactory). Jimfs ignores the option and keeps the file.
     */
    private boolean unlinkAfterOpen;

    private OpenOp(ActiveRun run, OpKind kind, String path, boolean directory, boolean writable, boolean durable,
                   long initialPosition) {
        super(run, kind, path, null, false);
        this.directory = directory;
        this.writable = writable;
        this.durable = durable;
        this.initialPosition = initialPosition;
    }

    static OpenOp of(ActiveRun run, String rel, Path path, Set<? extends OpenOption> options) throws IOException {
        return of(run, rel, path, options, options.contains(StandardOpenOption.SYNC)
                || options.contains(StandardOpenOption.DSYNC));
    }

    static OpenOp of(ActiveRun run, String rel, Path path, Set<? extends OpenOption> options, boolean durable)
            throws IOException {
        if (rel == null) {
            return null;
        }
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean create = write && (options.contains(StandardOpenOption.CREATE)
                || options.contains(StandardOpenOption.CREATE_NEW));
        boolean truncate = write && !append && options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        boolean directory = exists && Files.isDirectory(path);
        long size = exists && !directory ? Files.size(path) : 0;
        OpKind kind = create && !exists ? OpKind.CREATE
                : truncate && size > 0 && !options.contains(StandardOpenOption.CREATE_NEW) ? OpKind.TRUNCATE : null;
        OpenOp open = new OpenOp(run, kind, rel, directory, write, durable, append ? size : 0);
        open.unlinkAfterOpen = options.contains(StandardOpenOption.DELETE_ON_CLOSE)
                && path.getFileSystem() == java.nio.file.FileSystems.getDefault();
        return open;
    }

    @Override
    IoDispatch.Token begin() throws Throwable {
        if (kind == null) {
            run.liveness().checkAlive();
            if (!writable && !directory) {
                run.plan().beforeRead(new ReadOpen() {
                    @Override
                    public String path() {
                        return path;
                    }

                    @Override
                    public void pause(Runnable callback) {
                        run.pauses().pause(-1, callback);
                    }
                });
            }
            return this;
        }
        return super.begin();
    }

    @Override
    public Object exit(Object returned, Throwable thrown) throws Throwable {
        Object result;
        if (kind == null) {
            if (thrown == null) {
                run.handles().put(returned, handle());
            }
            result = plainExit(returned, thrown);
        } else {
            result = super.exit(returned, thrown);
            run.handles().put(result, handle());
        }
        if (unlinkAfterOpen) {
            run.threads().guard();
            EntryOp unlink = EntryOp.of(run, OpKind.DELETE, path, EntryOp.Result.VOID);
            unlink.begin();
            unlink.exit(null, null);
        }
        return result;
    }

    private Object plainExit(Object returned, Throwable thrown) throws Throwable {
        run.threads().unguard();
        if (thrown != null) {
            throw thrown;
        }
        return returned;
    }

    /** For FileOutputStream and RandomAccessFile, whose constructors open the file. */
    @Override
    public void constructed(Object self) throws Throwable {
        if (kind != null) {
            run.threads().guard();
            try {
                record(self);
            } finally {
                run.threads().unguard();
            }
        }
        Handles.Handle handle = handle();
        run.handles().put(self, handle);
        if (self instanceof FileOutputStream stream) {
            run.handles().put(stream.getFD(), handle);
        } else if (self instanceof RandomAccessFile file) {
            run.handles().put(file.getFD(), handle);
        }
        if (kind != null) {
            afterPlan();
        }
    }

    /** Made once the open's own create or truncate is in the trace, so the handle names the file it made. */
    private Handles.Handle handle() {
        if (handle == null) {
            handle = new Handles.Handle(path, run.recorder().size(), directory, writable, durable, initialPosition);
        }
        return handle;
    }

    @Override
    void record(Object returned) {
        run.recorder().add(kind, path, null, -1, kind == OpKind.TRUNCATE ? 0 : -1, null, false);
    }
}
