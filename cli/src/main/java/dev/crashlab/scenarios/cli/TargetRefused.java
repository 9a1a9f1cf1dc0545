package dev.crashlab.scenarios.cli;

/**
 * A user's target that cannot be checked as it is (its set-up or fault-free writer failed, or it did
 * I/O the recording cannot see): exit 2 like a usage error, but with the whole explanation (the
 * trace so far, the files that differ), and no pointer to --help, since no option is wrong.
 */
final class TargetRefused extends RuntimeException {

    TargetRefused(String target, Throwable reason) {
        super("--target " + target + ": " + reason.getMessage(), reason);
    }
}
