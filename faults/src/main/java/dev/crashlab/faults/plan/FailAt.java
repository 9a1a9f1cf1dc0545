package dev.crashlab.faults.plan;

import java.io.IOException;

/**
 * Operation N fails with an I/O error, as the kernel would report it; the process lives on. Move N
 * forward one operation at a time until the workload completes (SQLite's I/O-error loop).
 */
record FailAt(int index, String message) implements FaultPlan {

    /** ENOSPC, as the JDK words it. */
    public static final String NO_SPACE = "No space left on device";
    /** EIO, as the JDK words it. */
    public static final String IO_ERROR = "Input/output error";

    public static FailAt noSpace(int index) {
        return new FailAt(index, NO_SPACE);
    }

    public static FailAt ioError(int index) {
        return new FailAt(index, IO_ERROR);
    }

    @Override
    public void before(Operation op) throws IOException {
        if (op.index() == index) {
            throw new IOException(message);
        }
    }

    @Override
    public String toString() {
        return "I/O error at #" + index + " (" + message + ")";
    }
}
