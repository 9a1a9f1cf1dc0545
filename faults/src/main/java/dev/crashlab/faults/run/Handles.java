package dev.crashlab.faults.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open files of the run: channel, stream or FileDescriptor to what it is open on. Keyed by
 * the handle object itself (none of the JDK's handle classes override equals), so a write only has
 * to look itself up. Handles opened before the run began are unknown and therefore out of scope.
 */
final class Handles {

    /**
     * One open file; shared by a stream, its FileDescriptor and its channel. It names the file by
     * the name it was opened under and the trace position of the open, which is what the kernel's
     * descriptor refers to: renames and unlinks after the open do not change which file it is.
     */
    static final class Handle {
        final String path;
        final int opened;
        final boolean directory;
        final boolean writable;
        /** Opened with SYNC or DSYNC (O_SYNC, "rws", "rwd"): each write is durable when it returns. */
        final boolean durable;
        long position;
        boolean synced;
        boolean closed;

        Handle(String path, int opened, boolean directory, boolean writable, boolean durable, long position) {
            this.path = path;
            this.opened = opened;
            this.directory = directory;
            this.writable = writable;
            this.durable = durable;
            this.position = position;
        }

        /** Read-only handles are noise in the trace unless they were used to fsync. */
        boolean closeIsWorthRecording() {
            return !closed && (writable || directory || synced);
        }
    }

    private final Map<Object, Handle> open = new ConcurrentHashMap<>();

    Handle get(Object handle) {
        return handle == null ? null : open.get(handle);
    }

    void put(Object handle, Handle file) {
        if (handle != null) {
            open.put(handle, file);
        }
    }
}
