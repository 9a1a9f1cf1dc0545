package study.shell;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer that hands its work to other processes, as deployment scripts and some services do: it
 * writes the new settings to a staging file, then runs {@code cp staging settings.tmp} and
 * {@code mv settings.tmp settings}, trusting mv's rename to replace the file atomically. The JVM
 * recording sees the staging file but not what cp and mv do, so the check records the writer at
 * the system calls, child processes included.
 */
public class CopyMoveTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("shell-cp-mv")
                .setUp(root -> Files.writeString(root.resolve("settings"), "mode=v1\n"))
                .writer(root -> {
                    Files.writeString(root.resolve("staging"), "mode=v2\n");
                    run(root, "cp", "staging", "settings.tmp");
                    run(root, "mv", "settings.tmp", "settings");
                })
                .reader(root -> Files.readString(root.resolve("settings"), StandardCharsets.UTF_8), "mode=v1\n", "mode=v2\n")
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    private static void run(Path root, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }
}
