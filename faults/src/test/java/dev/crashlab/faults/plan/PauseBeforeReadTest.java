package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The pause between a reader's check and its open, where seed 001's deleter struck. */
class PauseBeforeReadTest {

    @TempDir
    Path tmp;

    private static Runnable deleter(Path file) {
        return () -> {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aDeleterBetweenExistsAndOpenMakesTheOpenFail(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path entry = Files.write(root.resolve("entry"), Workloads.CONTENT);
        AtomicReference<Boolean> existed = new AtomicReference<>();
        RunResult result = Run.with(root, new PauseBeforeRead(deleter(entry)), () -> {
            existed.set(Files.exists(entry));
            Files.readAllBytes(entry);
        });
        assertEquals(Boolean.TRUE, existed.get());
        assertInstanceOf(NoSuchFileException.class, result.thrown());
        assertTrue(result.callbackErrors().isEmpty(), result.callbackErrors()::toString);
        assertEquals(0, result.trace().size(), "a read is not an operation of the trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void onlyTheFirstReadIsPausedAndWritesAreNot(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path entry = root.resolve("entry");
        int[] calls = {0};
        RunResult result = Run.with(root, new PauseBeforeRead(() -> calls[0]++), () -> {
            Files.write(entry, Workloads.CONTENT);
            assertArrayEquals(Workloads.CONTENT, Files.readAllBytes(entry));
            assertArrayEquals(Workloads.CONTENT, Files.readAllBytes(entry));
        });
        assertEquals(null, result.thrown());
        assertEquals(1, calls[0]);
    }
}
