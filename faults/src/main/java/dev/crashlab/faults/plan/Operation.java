package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;

/**
 * An in-scope operation about to happen, as a {@link FaultPlan} sees it. Its {@link #index()} is
 * the position the operation takes in the trace if it succeeds, so a plan written against a
 * fault-free trace hits the same operation again.
 */
public interface Operation {

    /**
     * The operation's number: its position in the trace of a run in which no operation failed
     * (operations are numbered by attempt, so an injected failure does not shift the numbers of
     * the operations before it, and does not fire twice). -1 for a write to memory.
     */
    int index();

    OpKind kind();

    /** Run-relative path ('/'-separated); for a memory write, the sink's class name. */
    String path();

    /** Destination of a move or link; null otherwise. */
    String target();

    /** Bytes a write is about to write; -1 for other kinds. */
    int length();

    /** For a move: whether ATOMIC_MOVE was requested (File.renameTo never requests it). */
    boolean atomic();

    /**
     * For a move: true for File.renameTo, which is rename(2) alone: where the rename fails (EXDEV
     * across file systems) it returns false, where Files.move would copy or throw.
     */
    default boolean renameTo() {
        return false;
    }

    /** True for bytes going into memory (ByteArrayOutputStream) rather than a file. */
    boolean inMemory();

    /** For a move: true when source and destination are on different file stores (a real cross-device move). */
    boolean crossesFileStores();

    /**
     * Lets only the first {@code bytes} of this write reach the file (or memory sink), then throws
     * {@code then}; with {@code then == null} the write returns short (a channel) or fails with
     * "No space left on device" (a stream, which cannot return short).
     */
    void writeOnly(int bytes, Throwable then);

    /**
     * Suspends the writer here, runs {@code callback} on another thread (whose I/O is not the
     * target's and is neither recorded nor faulted) and resumes once it has finished. No timing:
     * the writer waits for the callback to end.
     */
    void pause(Runnable callback);
}
