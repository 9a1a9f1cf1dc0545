package dev.crashlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRunnersTest {

    @Test
    void maven38sDefaultSurefireIsRefusedWithTheVersionToPin() {
        List<String> problems = TestRunners.problems(Map.of("maven-surefire-plugin", "2.12.4"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("maven-surefire-plugin 2.12.4 runs no JUnit 5 test"), problems.get(0));
        assertTrue(problems.get(0).contains("<version>3.5.4</version>"), problems.get(0));
    }

    @Test
    void runnersThatKnowJunit5Pass() {
        assertEquals(List.of(), TestRunners.problems(Map.of("maven-surefire-plugin", "3.5.4",
                "maven-failsafe-plugin", "2.22.0", "maven-compiler-plugin", "2.0")));
        assertEquals(List.of(), TestRunners.problems(Map.of()));
    }

    @Test
    void anOldFailsafeIsRefusedToo() {
        assertEquals(1, TestRunners.problems(Map.of("maven-failsafe-plugin", "2.21.0")).size());
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertTrue(TestRunners.older("2.9"));
        assertTrue(TestRunners.older("2.21.99"));
        assertFalse(TestRunners.older("2.22.0"));
        assertFalse(TestRunners.older("2.22.2-SNAPSHOT"));
        assertFalse(TestRunners.older("10.0"));
        assertFalse(TestRunners.older("${surefire.version}"));
    }
}
