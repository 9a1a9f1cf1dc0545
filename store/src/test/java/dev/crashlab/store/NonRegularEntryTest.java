package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Something other than a regular file at an entry's path is an invalid entry: never followed, never
 * opened blocking, never looped on. Each case runs under a watchdog that fails the test instead of
 * hanging the build.
 */
class NonRegularEntryTest {

    private static final Duration WATCHDOG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    interface Maker {
        void make(Path entry, Path outside) throws Exception;
    }

    enum Thing {
        DANGLING_LINK("symbolic link", (entry, outside) -> Files.createSymbolicLink(entry, outside.resolve("nowhere"))),
        LINK_TO_A_VALID_ENTRY_OUTSIDE("symbolic link", (entry, outside) -> {
            Path copy = outside.resolve("copy.entry");
            Files.move(entry.resolveSibling("elsewhere"), copy);
            Files.createSymbolicLink(entry, copy);
        }),
        LINK_TO_DEV_ZERO("symbolic link", (entry, outside) -> Files.createSymbolicLink(entry, Path.of("/dev/zero"))),
        LINK_LOOP("symbolic link", (entry, outside) -> Files.createSymbolicLink(entry, entry)),
        FIFO("FIFO", (entry, outside) -> {
            Process p = new ProcessBuilder("mkfifo", entry.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "mkfifo");
        }),
        DIRECTORY("directory", (entry, outside) -> {
            Files.createDirectory(entry);
            Files.writeString(entry.resolve("somebody's file"), "keep me");
        });

        final String words;
        final Maker maker;

        Thing(String words, Maker maker) {
            this.words = words;
            this.maker = maker;
        }
    }

    @ParameterizedTest
    @EnumSource(Thing.class)
    void getReportsItAsInvalidAndPutReplacesOrRefusesIt(Thing thing) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("store"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        store.put("k", "the original value");
        store.put("neighbour", "untouched");
        Path entry = store.entryFile("k");
        Files.move(entry, entry.resolveSibling("elsewhere"));
        thing.maker.make(entry, outside);

        InvalidEntryException e = assertTimeoutPreemptively(WATCHDOG,
                () -> assertThrows(InvalidEntryException.class, () -> store.get("k")));
        assertTrue(e.getMessage().contains(thing.words), e.getMessage());
        assertTrue(e.getMessage().contains("To recover"), e.getMessage());

        if (thing == Thing.DIRECTORY) {
            InvalidEntryException refused = assertTimeoutPreemptively(WATCHDOG,
                    () -> assertThrows(InvalidEntryException.class, () -> store.put("k", "a new value")));
            assertTrue(refused.getMessage().contains("directory"), refused.getMessage());
            assertEquals("keep me", Files.readString(entry.resolve("somebody's file")), "a directory is never removed");
        } else {
            assertTimeoutPreemptively(WATCHDOG, () -> store.put("k", "a new value"));
            assertEquals("a new value", store.get("k").orElseThrow());
            assertTrue(Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS));
        }
        assertEquals("untouched", store.get("neighbour").orElseThrow());
        try (var files = Files.list(root)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "no temp file left");
        }
    }
}
