package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PutSemanticsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Fs.class)
    void identicalPutIsANoOp(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("k", "v");
        Path entry = store.entryFile("k");
        var before = Files.getLastModifiedTime(entry);
        store.put("k", "v");
        assertEquals(before, Files.getLastModifiedTime(entry));
        assertEquals("v", store.get("k").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void conflictingPutFailsAndKeepsTheFirstValue(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("k", "first");
        EntryExistsException e = assertThrows(EntryExistsException.class, () -> store.put("k", "second"));
        assertTrue(e.getMessage().contains("write-once"), e.getMessage());
        assertTrue(e.getMessage().contains("\"k\""), e.getMessage());
        assertEquals("first", store.get("k").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void putIfAbsentStoresOnlyOnce(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        assertTrue(store.putIfAbsent("k", "first"));
        assertFalse(store.putIfAbsent("k", "second"));
        assertFalse(store.putIfAbsent("k", "first"));
        assertEquals("first", store.get("k").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void clearRemovesEntriesAndAllowsNewValues(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("a", "1");
        store.put("b", "2");
        store.clear();
        assertFalse(store.contains("a"));
        assertFalse(store.contains("b"));
        store.put("a", "other");
        assertEquals("other", store.get("a").orElseThrow());
    }

    @Test
    void missingRootIsAClearErrorWhenNotToBeCreated() {
        Path missing = tmp.resolve("nowhere");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> WriteOnceStore.builder(missing, Codecs.utf8()).createRoot(false).build());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void rootThatIsAFileIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        NotDirectoryException e = assertThrows(NotDirectoryException.class,
                () -> WriteOnceStore.builder(file, Codecs.utf8()).build());
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void abandonedTempFilesAreInvisibleAndRemovedByAge(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        store.put("k", "v");
        String hash = store.entryFile("k").getFileName().toString().replace(".entry", "");
        Path old = Files.writeString(root.resolve("." + hash + ".dead0001.tmp"), "half a val");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(0));
        Path fresh = Files.writeString(root.resolve("." + hash + ".live0002.tmp"), "in progress");
        assertEquals("v", store.get("k").orElseThrow());
        assertEquals(1, store.removeAbandonedTempFiles(java.time.Duration.ofHours(1)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(2, files.count());
        }
    }
}
