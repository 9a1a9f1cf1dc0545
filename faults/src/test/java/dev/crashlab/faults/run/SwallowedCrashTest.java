package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.SimulatedCrash;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SwallowedCrashTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aTargetThatCatchesTheCrashAndReturnsIsReported(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        RunResult result = Run.with(root, FaultPlan.crashBefore(1), () -> {
            try {
                Files.write(root.resolve("a"), new byte[] {1});
            } catch (Throwable everything) {
                // the kind of catch-all a crash must not be able to pass
            }
        });
        assertTrue(result.crashed());
        assertEquals(null, result.thrown());
        String finding = result.swallowedCrash().orElseThrow();
        assertTrue(finding.contains("crash before #1 WRITE a") && finding.contains("returned normally"), finding);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aTargetThatCarriesOnFindsTheRunDead(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path outside = root.getParent().resolve("outside");
        RunResult result = Run.with(root, FaultPlan.crashBefore(1), () -> {
            try {
                Files.write(root.resolve("a"), new byte[] {1});
            } catch (Error swallowed) {
                Files.write(outside, new byte[] {2});
                Files.write(root.resolve("b"), new byte[] {3});
            }
        });
        SimulatedCrash dead = assertInstanceOf(SimulatedCrash.class, result.thrown());
        assertTrue(dead.afterDeath());
        assertEquals(1, result.trace().size(), result.trace().listing());
        assertTrue(result.swallowedCrash().orElseThrow().contains("attempted 1 more"), result.swallowedCrash().get());
        assertEquals(1, Files.size(outside), "I/O outside the root is never failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aTargetThatDiesOfTheCrashHasNoFinding(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        RunResult result = Run.with(root, FaultPlan.crashBefore(0), () -> Files.write(root.resolve("a"), new byte[] {1}));
        assertTrue(result.crashed());
        assertTrue(result.swallowedCrash().isEmpty());
    }
}
