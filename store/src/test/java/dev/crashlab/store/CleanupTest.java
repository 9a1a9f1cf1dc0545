package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** removeAbandonedTempFiles removes what crashed writers left, and nothing else, whatever runs beside it. */
class CleanupTest {

    @TempDir
    Path tmp;

    @Test
    void oddNamesAreSkippedNotFatal() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        store.put("k", "v");
        Path old = Files.writeString(root.resolve(".abc.0123.tmp"), "left by a crashed writer");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Files.createSymbolicLink(root.resolve(".dangling.0123.tmp"), root.resolve("nowhere"));
        Path dir = Files.createDirectory(root.resolve(".somebody.0123.tmp"));
        Files.writeString(dir.resolve("theirs"), "keep");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        assertEquals(1, store.removeAbandonedTempFiles(Duration.ofHours(1)), "the old temp file; a link or a directory is never the store's");
        assertTrue(Files.isSymbolicLink(root.resolve(".dangling.0123.tmp")));
        assertTrue(Files.isDirectory(dir), "a directory is never removed");
        assertEquals("v", store.get("k").orElseThrow());
    }

    @Test
    void clearRemovesALinkAtAnEntrysPathButNeverADirectory() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        store.put("k", "v");
        Path entry = store.entryFile("k");
        Files.delete(entry);
        Files.writeString(Files.createDirectories(entry.resolveSibling("x.entry")).resolve("inner"), "keep");
        Files.createSymbolicLink(entry, root.resolve("nowhere"));
        store.clear();
        assertTrue(Files.notExists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a dangling link at an entry's path is cleared");
        assertTrue(Files.isDirectory(entry.resolveSibling("x.entry")), "a directory named like an entry is left alone");
    }

    @Test
    void cleanupBesideLiveWritersNeverAbortsAndNeverLosesAnEntry() {
        int attempts = 60;
        List<String> aborted = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            List<String> failures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                for (int a = 0; a < attempts; a++) {
                    Path root = Files.createDirectories(tmp.resolve("run-" + a));
                    WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).durability(Durability.NONE).build();
                    CountDownLatch start = new CountDownLatch(1);
                    AtomicBoolean writing = new AtomicBoolean(true);
                    List<Future<?>> writers = new ArrayList<>();
                    for (int w = 0; w < 2; w++) {
                        int id = w;
                        writers.add(pool.submit(() -> {
                            start.await();
                            for (int i = 0; i < 40; i++) {
                                store.put("w" + id + "-" + i, new byte[64]);
                            }
                            return null;
                        }));
                    }
                    Future<Integer> cleaner = pool.submit(() -> {
                        start.await();
                        int removed = 0;
                        while (writing.get()) {
                            removed += store.removeAbandonedTempFiles(Duration.ofHours(1));
                        }
                        return removed;
                    });
                    start.countDown();
                    for (Future<?> w : writers) {
                        w.get();
                    }
                    writing.set(false);
                    try {
                        cleaner.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add("attempt " + a + ": " + e.getCause());
                    }
                    for (int w = 0; w < 2; w++) {
                        for (int i = 0; i < 40; i++) {
                            assertTrue(store.get("w" + w + "-" + i).isPresent());
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            return failures;
        });
        assertEquals(List.of(), aborted);
    }
}
