package dev.crashlab.scenarios.junit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a test run's reports go: {@code -Dcrashlab.reports=DIR} (the Maven plugin sets it to
 * {@code target/crashlab-reports}), else the build folder of the project the tests run in (Maven's
 * {@code target/}, Gradle's {@code build/}), never the source tree.
 */
final class ReportsFolder {

    static final String PROPERTY = "crashlab.reports";

    private ReportsFolder() {
    }

    static Path of(String target) {
        return root().resolve(safe(target));
    }

    private static Path root() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        Path here = Path.of("").toAbsolutePath();
        boolean gradle = Files.exists(here.resolve("build.gradle")) || Files.exists(here.resolve("build.gradle.kts"));
        return here.resolve(gradle ? "build" : "target").resolve("crashlab-reports");
    }

    /** A target name as one folder name: "checkpoint/v2" must not open a subfolder. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
