package dev.crashlab.faults.plan;

import java.io.IOException;

/**
 * What goes wrong during one run. Each implementation is one small behaviour; {@link #and}
 * composes them (e.g. a move performed as a copy, plus a pause inside that copy).
 */
public interface FaultPlan {

    /** Before an in-scope operation. Throw a {@link SimulatedCrash} or an IOException to stop it. */
    default void before(Operation op) throws IOException {
    }

    /** After an operation succeeded and was recorded. Throw a {@link SimulatedCrash} to die here. */
    default void after(Operation op) {
    }

    /** Called before an in-scope open that only reads; a plan may pause the reader there. */
    default void beforeRead(ReadOpen open) {
    }

    /**
     * For a move about to happen: a chunk size to perform it as copy-in-chunks then delete (each
     * step its own operation in the trace), or 0 to let it happen as the JDK does.
     */
    default int copyChunk(Operation move) {
        return 0;
    }

    /** True to also be shown writes into memory (ByteArrayOutputStream) on the run's threads. */
    default boolean watchesMemory() {
        return false;
    }

    default FaultPlan and(FaultPlan next) {
        return new BothPlans(this, next);
    }

    /** Crashes the process just before operation {@code index} of the trace (counted from 0). */
    static FaultPlan crashBefore(int index) {
        return new CrashBefore(index);
    }

    /** Crashes the process inside write operation {@code index}, once its first {@code bytes} bytes reached the file. */
    static FaultPlan crashInsideWrite(int index, int bytes) {
        return new CrashInsideWrite(index, bytes);
    }

    /** Holds the writer just before operation {@code index} while {@code callback} runs (a reader, a rival). */
    static FaultPlan pauseAt(int index, Runnable callback) {
        return new PauseAt(index, callback);
    }

    /** Holds each in-scope open that only reads while {@code callback} runs (a deleter racing a reader). */
    static FaultPlan pauseBeforeRead(Runnable callback) {
        return new PauseBeforeRead(callback);
    }

    /** Operation {@code index} fails with ENOSPC, as a full disk fails it; the process lives on. */
    static FaultPlan noSpaceAt(int index) {
        return FailAt.noSpace(index);
    }

    /** Operation {@code index} fails with EIO, as a failing device fails it; the process lives on. */
    static FaultPlan ioErrorAt(int index) {
        return FailAt.ioError(index);
    }

    static FaultPlan none() {
        return new FaultPlan() {
            @Override
            public String toString() {
                return "no fault";
            }
        };
    }
}
