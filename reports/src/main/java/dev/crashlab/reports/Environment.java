package dev.crashlab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a check ran, so that a verdict can be reproduced and two CI machines' reports compared: the
 * JDK, the operating system and kernel, and the file system the runs' directories were on (tmpfs and
 * ext4 differ in what a crash could leave, and the instrumentation differs between JDKs). Like the
 * timings, it describes the run, not the verdicts: two runs that differ only here agree on every cell.
 *
 * @param jdkVendor    {@code java.vendor}, e.g. "Eclipse Adoptium"
 * @param jdkVersion   {@code java.runtime.version}, e.g. "17.0.13+11"
 * @param os           {@code os.name}, e.g. "Linux"
 * @param osVersion    {@code os.version}: on Linux the kernel release, as {@code uname -r} prints it
 * @param arch         {@code os.arch}, e.g. "amd64"
 * @param runDirectory the directory the runs' root directories were made in, e.g. "/dev/shm": where the
 *                     writers really ran and a user's crash states are written out (the built-in
 *                     campaign judges its store's crash states in memory, the same on every machine)
 * @param fileSystem   its file system type, e.g. "tmpfs", "ext4"; "unknown" when the JDK cannot tell
 */
public record Environment(String jdkVendor, String jdkVersion, String os, String osVersion, String arch,
                          String runDirectory, String fileSystem) {

    static final String UNKNOWN = "unknown";

    public Environment {
        jdkVendor = Objects.requireNonNullElse(jdkVendor, UNKNOWN);
        jdkVersion = Objects.requireNonNullElse(jdkVersion, UNKNOWN);
        os = Objects.requireNonNullElse(os, UNKNOWN);
        osVersion = Objects.requireNonNullElse(osVersion, UNKNOWN);
        arch = Objects.requireNonNullElse(arch, UNKNOWN);
        runDirectory = Objects.requireNonNullElse(runDirectory, UNKNOWN);
        fileSystem = Objects.requireNonNullElse(fileSystem, UNKNOWN);
    }

    /** This JVM, with its runs' root directories made in {@code runDirectory}. */
    public static Environment here(Path runDirectory) {
        return new Environment(System.getProperty("java.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), runDirectory.toString(), fileSystemOf(runDirectory));
    }

    private static String fileSystemOf(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException | SecurityException e) {
            // a report without the type is still a report; the verdicts do not depend on it
            return UNKNOWN;
        }
    }

    /** Each environment's {@link #describe()}, "; " between them; "" for none (a report from before they were recorded). */
    static String describe(java.util.List<Environment> environments) {
        return String.join("; ", environments.stream().map(Environment::describe).toList());
    }

    /** One line: "Eclipse Adoptium 17.0.13+11, Linux 6.1.0-18-amd64 (amd64), runs on tmpfs (/dev/shm)". */
    public String describe() {
        return jdkVendor + " " + jdkVersion + ", " + os + " " + osVersion + " (" + arch + "), runs on " + fileSystem
                + " (" + runDirectory + ")";
    }
}
