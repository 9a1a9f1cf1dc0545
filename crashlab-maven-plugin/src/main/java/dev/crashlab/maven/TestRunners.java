package dev.crashlab.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the project's Surefire and Failsafe run JUnit 5 tests at all. Before 2.22.0 they know
 * nothing of the JUnit Platform and run 0 tests without an error, and Maven 3.8's default
 * Surefire is 2.12.4: every {@code @CrashTest} would then be skipped silently, which reads as a pass.
 */
final class TestRunners {

    static final String PINNED = "3.5.4";
    private static final int[] FIRST_WITH_JUNIT5 = {2, 22, 0};

    private TestRunners() {
    }

    /**
     * What is wrong with the runners among {@code plugins} (artifactId to version, the version null
     * when Maven did not resolve one), or an empty list.
     */
    static List<String> problems(Map<String, String> plugins) {
        List<String> problems = new ArrayList<>();
        for (String runner : List.of("maven-surefire-plugin", "maven-failsafe-plugin")) {
            String version = plugins.get(runner);
            if (version != null && older(version)) {
                problems.add(runner + " " + version + " runs no JUnit 5 test, so every @CrashTest would be skipped"
                        + " without a word: pin it in <build><plugins>, e.g. <plugin><groupId>org.apache.maven.plugins"
                        + "</groupId><artifactId>" + runner + "</artifactId><version>" + PINNED + "</version></plugin>");
            }
        }
        return problems;
    }

    /** Whether a version is before 2.22.0; one that does not parse (a property, a range) is given the benefit of the doubt. */
    static boolean older(String version) {
        String[] parts = version.split("[.-]");
        for (int i = 0; i < FIRST_WITH_JUNIT5.length; i++) {
            int n;
            try {
                n = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (n != FIRST_WITH_JUNIT5[i]) {
                return n < FIRST_WITH_JUNIT5[i];
            }
        }
        return false;
    }
}
