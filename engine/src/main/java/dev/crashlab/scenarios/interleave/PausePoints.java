package dev.crashlab.scenarios.interleave;

/**
 * Named places in a protocol where the harness may pause its thread. Protocols call
 * {@link #reached} at each step; in production the hook is {@link #NONE} and costs a call.
 *
 * <p>This is the in-memory counterpart of the I/O pause points of the faults module: the cache
 * protocols of seeds 002 and 003 race on steps that do no file I/O (a cache fill, a database read).
 */
@FunctionalInterface
public interface PausePoints {

    PausePoints NONE = step -> { };

    /** Called by the protocol when it reaches {@code step}; may block until the harness resumes it. */
    void reached(String step);
}
