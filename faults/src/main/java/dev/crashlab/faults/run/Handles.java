package dev.crashlab.faults.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open files of the run: channel, stream or FileDescriptor to what it is open on. Keyed by
 * the handle object itself (none of the JDK's handle classes override equals), so a write only has
 * to look itself up. Handles opened before the run began are unknown and therefore out of scope.
 */
final class Handles {

    /** One open file; shared by a stream, its FileDescriptor and its channel. */
    static final class Handle {
        final String path;
        final boolean directory;
        final boolean writable;
        long position;
        boolean synced;
        boolean closed;

        Handle(String path, boolean directory, boolean writable, long position) {
            this.path = path;
            this.directory = directory;
            this.writable = writable;
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
