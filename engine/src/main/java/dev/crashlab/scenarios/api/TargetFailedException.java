package dev.crashlab.scenarios.api;

/**
 * The target cannot be checked at all: its set-up or its writer failed with no fault injected, or it
 * did I/O the instrumentation cannot follow. A problem with the target's description or code, not
 * a broken guarantee; the message's first line says which.
 */
public final class TargetFailedException extends RuntimeException {

    TargetFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
