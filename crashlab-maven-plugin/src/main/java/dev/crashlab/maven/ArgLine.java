package dev.crashlab.maven;

import java.nio.file.Path;

/**
 * What prepare-agent adds to Surefire's argLine. It appends to whatever is there (JaCoCo's agent,
 * another tool's, the user's options) and never replaces it: two agents on one JVM are fine, one
 * tool silently dropping another's is how coverage goes missing.
 */
final class ArgLine {

    private ArgLine() {
    }

    /** The options crashlab's tests need: the agent from the command line (no self-attach), reports under the build folder. */
    static String crashlab(Path agentJar, Path reports) {
        // -Xshare:off: the instrumentation appends to the bootstrap class path, after which the VM
        // warns on every run that class-data sharing is limited.
        return quoted("-javaagent:" + agentJar) + " -Xshare:off " + quoted("-Dcrashlab.reports=" + reports);
    }

    /** existing + ours, once: running the goal twice (two executions, a rebuild) adds nothing more. */
    static String append(String existing, String ours) {
        String before = existing == null ? "" : existing.strip();
        if (before.contains(ours)) {
            return before;
        }
        return before.isEmpty() ? ours : before + " " + ours;
    }

    private static String quoted(String option) {
        return option.contains(" ") ? "\"" + option + "\"" : option;
    }
}
