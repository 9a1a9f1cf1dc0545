package dev.crashlab.faults.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * In-scope I/O the instrumentation saw start but cannot follow (a writable mapping, a native
 * transfer, an asynchronous channel, a symbolic link): not recorded, but reported with the call
 * site, so no one trusts a trace that misses it.
 */
final class BlindSpots {

    private final Set<String> seen = new LinkedHashSet<>();
    private final Recorder sites;

    BlindSpots(Recorder sites) {
        this.sites = sites;
    }

    synchronized void add(String path, String what) {
        if (path != null) {
            seen.add((path.isEmpty() ? "." : path) + ": " + what + " (at " + sites.site() + ")");
        }
    }

    synchronized List<String> list() {
        return List.copyOf(seen);
    }
}
