package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each seeded bug, selected through the public options, behaves as the bug its seed describes. */
class SeededBugTest {

    @TempDir
    Path tmp;

    /** A serializer that dies halfway, as seed 000's pickling did. */
    static final Codec<String> DIES_HALFWAY = new Codec<>() {
        @Override
        public void encode(String value, OutputStream out) throws IOException {
            byte[] b = value.getBytes();
            out.write(b, 0, b.length / 2);
            throw new IllegalStateException("serializer crashed");
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes);
        }
    };

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void streamToFinalLeavesATornEntryThatNoPutRepairs(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<String> dying = Protocol.STREAM_TO_FINAL.on(WriteOnceStore.builder(root, DIES_HALFWAY)).build();
        assertThrows(IllegalStateException.class, () -> dying.put("k", "a value long enough to tear"));

        WriteOnceStore<String> store = Protocol.STREAM_TO_FINAL.on(WriteOnceStore.builder(root, Codecs.utf8())).build();
        assertTrue(Files.exists(store.entryFile("k")), "the torn entry is in plain sight");
        assertThrows(InvalidEntryException.class, () -> store.get("k"));
        assertThrows(InvalidEntryException.class, () -> store.put("k", "retry"), "seed 000: no recovery");
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void referenceLeavesNothingWhenTheSerializerDies(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<String> dying = WriteOnceStore.builder(root, DIES_HALFWAY).build();
        assertThrows(IllegalStateException.class, () -> dying.put("k", "a value long enough to tear"));
        assertEquals(List.of(), files(root), "serialized to memory first: nothing reached the disk");
    }

    @Test
    void tempElsewhereWritesItsTempInTheOtherDirectory() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        Path notADirectory = Files.writeString(tmp.resolve("blocker"), "x");
        WriteOnceStore<String> store = Protocol.TEMP_ELSEWHERE.on(WriteOnceStore.builder(root, Codecs.utf8()), notADirectory.resolve("sub")).build();
        IOException e = assertThrows(IOException.class, () -> store.put("k", "v"));
        assertTrue(e.getMessage().contains("blocker"), e.getMessage());
        WriteOnceStore<String> reference = Protocol.REFERENCE.on(WriteOnceStore.builder(root, Codecs.utf8()),
                notADirectory.resolve("sub")).build();
        reference.put("k", "v");
        assertEquals("v", reference.get("k").orElseThrow(), "the reference keeps its temp beside the entry");
    }

    @Test
    void tempElsewhereMovesAcrossFileSystemsByCopying() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        Path elsewhere = Jimfs.newFileSystem(Configuration.unix()).getPath("/tmpfs");
        WriteOnceStore<String> store = Protocol.TEMP_ELSEWHERE.on(WriteOnceStore.builder(root, Codecs.utf8()), elsewhere).build();
        store.put("k", "crossed a file-system boundary");
        assertEquals("crossed a file-system boundary", store.get("k").orElseThrow());
        assertEquals(List.of(), files(elsewhere), "the copy's source was deleted afterwards");
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void unlinkThenRenameChangesAWriteOnceValue(Fs fs) throws Exception {
        WriteOnceStore<String> store = Protocol.UNLINK_THEN_RENAME.on(WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8())).build();
        store.put("k", "first");
        store.put("k", "second");
        assertEquals("second", store.get("k").orElseThrow(), "G4 broken: the visible value changed");
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void staleLockBlocksTheKeyForeverAfterADeadWriter(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<String> dying = Protocol.STALE_LOCK.on(WriteOnceStore.builder(root, DIES_HALFWAY)).build();
        assertThrows(IllegalStateException.class, () -> dying.put("k", "value"));

        WriteOnceStore<String> store = Protocol.STALE_LOCK.on(WriteOnceStore.builder(root, Codecs.utf8())).build();
        StoreException e = assertThrows(StoreException.class, () -> store.put("k", "value"));
        assertTrue(e.getMessage().contains("locked"), e.getMessage());
        assertThrows(StoreException.class, () -> store.put("k", "value"), "still blocked: no recovery");
        store.put("other", "fine");
        assertEquals("fine", store.get("other").orElseThrow());
    }

    @Test
    void syncPolicyOfEachProtocol() {
        Durability strong = Durability.FILE_AND_DIRECTORY;
        assertTrue(Protocol.REFERENCE.syncsFile(strong) && Protocol.REFERENCE.syncsDirectory(strong));
        assertFalse(Protocol.RENAME_NO_FSYNC.syncsFile(strong), "rename-no-fsync never fsyncs the data");
        assertTrue(Protocol.RENAME_NO_FSYNC.syncsDirectory(strong), "but it does fsync the directory");
        assertTrue(Protocol.NO_DIR_FSYNC.syncsFile(strong), "no-dir-fsync fsyncs the data");
        assertFalse(Protocol.NO_DIR_FSYNC.syncsDirectory(strong), "but never the directory");
        assertTrue(Protocol.REFERENCE.syncsFile(Durability.FILE));
        assertFalse(Protocol.REFERENCE.syncsDirectory(Durability.FILE));
        assertFalse(Protocol.REFERENCE.syncsFile(Durability.NONE));
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void swallowCorruptAnswersAbsentWhereTheReferenceReports(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        store.put("k", "value");
        Files.write(store.entryFile("k"), new byte[] {'C', 'L', 'A', 'B', 1, 0});
        WriteOnceStore<String> swallowing = ReaderProtocol.SWALLOW_CORRUPT.on(WriteOnceStore.builder(root, Codecs.utf8())).build();
        assertTrue(swallowing.get("k").isEmpty(), "G5 broken: a silent wrong answer");
        assertThrows(InvalidEntryException.class, () -> store.get("k"));
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void existsThenOpenReadsLikeTheReferenceWhenNobodyRaces(Fs fs) throws Exception {
        // Its bug needs a deleter between exists() and open(); the faults module's pause points
        // place one there deterministically. Here: selectable, and otherwise a working reader.
        WriteOnceStore<String> store = ReaderProtocol.EXISTS_THEN_OPEN.on(WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8())).build();
        assertTrue(store.get("k").isEmpty());
        store.put("k", "v");
        assertEquals("v", store.get("k").orElseThrow());
    }

    @Test
    void everySeededBugIsNamedAndSourcedInTheCatalog() {
        for (Protocol p : Protocol.values()) {
            assertEquals(p != Protocol.REFERENCE, p.isSeededBug());
            if (p.isSeededBug()) {
                assertTrue(p.seed().matches("00[0-3]"), p + " names its seed");
            }
        }
        assertArrayEquals(new String[] {"reference", "stream-to-final", "temp-elsewhere", "unlink-then-rename",
                "stale-lock", "rename-no-fsync", "no-dir-fsync"},
                Stream.of(Protocol.values()).map(Protocol::catalogId).toArray());
    }
}
