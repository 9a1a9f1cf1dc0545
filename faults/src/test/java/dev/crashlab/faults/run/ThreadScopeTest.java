package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** By default any thread's I/O under the root counts; onlyRunThreads() narrows it to the run's threads. */
class ThreadScopeTest {

    @TempDir
    Path tmp;

    private ExecutorService foreign;

    @BeforeEach
    void startAThreadThatIsNotTheRuns() throws Exception {
        foreign = Executors.newSingleThreadExecutor();
        foreign.submit(() -> { }).get();
    }

    @AfterEach
    void stop() {
        foreign.shutdownNow();
    }

    private IoTrace run(boolean onlyRunThreads) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root" + onlyRunThreads));
        Run run = Run.in(root);
        if (onlyRunThreads) {
            run.onlyRunThreads();
        }
        return run.go(() -> {
            foreign.submit(() -> Files.createDirectory(root.resolve("by-foreign"))).get();
            Thread child = new Thread(() -> root.resolve("by-child").toFile().mkdir());
            child.start();
            child.join();
            Files.createDirectory(root.resolve("by-run"));
        }).trace();
    }

    @Test
    void everyThreadByDefault() throws Exception {
        assertEquals(3, run(false).size());
    }

    @Test
    void onlyTheRunsThreadsWhenAsked() throws Exception {
        IoTrace trace = run(true);
        assertEquals(2, trace.size(), trace.listing());
        assertEquals("by-child", trace.get(0).path());
        assertEquals("by-run", trace.get(1).path());
    }
}
