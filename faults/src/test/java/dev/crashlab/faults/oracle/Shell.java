package dev.crashlab.faults.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One command of the kernel oracle's setup (mkfs, losetup, mount, sysctl): its output, or why it failed. */
public final class Shell {

    private Shell() {
    }

    public static String run(String... command) {
        return run(Map.of(), command);
    }

    static String run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            // A watchdog, not a timing: a mount or mkfs that hangs is a broken machine.
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + List.of(command), e);
        }
    }

    /** Null if the command ran and exited 0; else why not. */
    static String probe(String... command) {
        try {
            run(command);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}
