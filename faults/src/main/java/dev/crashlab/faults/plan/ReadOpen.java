package dev.crashlab.faults.plan;

/**
 * An in-scope open that changes nothing on disk: a reader about to open an existing file. It is
 * not an operation of the trace (a crash there leaves what the previous operation left), but it
 * is where a reader that checked first and opens second can be raced (seed 001's exists-then-open).
 */
public interface ReadOpen {

    /** Run-relative path ('/'-separated) of the file being opened. */
    String path();

    /** Suspends the reader here while {@code callback} runs on another thread, e.g. a deleter. */
    void pause(Runnable callback);
}
