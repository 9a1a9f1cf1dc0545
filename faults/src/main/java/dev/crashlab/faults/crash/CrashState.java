package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.util.Objects;

/**
 * What a power failure or process crash left on disk, and how.
 *
 * @param contents   the files and directories under the run root
 * @param provenance the first way the exploration reached these exact bytes
 */
public record CrashState(Snapshot contents, Provenance provenance) {

    public CrashState {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String toString() {
        return provenance.summary() + "\n" + contents;
    }
}
