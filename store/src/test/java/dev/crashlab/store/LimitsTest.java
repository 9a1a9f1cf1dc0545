package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit limits: nothing a hostile or huge entry holds makes the store allocate, recurse or compute without bound. */
class LimitsTest {

    private static final Duration WATCHDOG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** A node of a user's own linked structure: Java serialization recurses once per node. */
    static final class Node implements Serializable {
        final Node next;

        Node(Node next) {
            this.next = next;
        }

        static Node chain(int length) {
            Node n = null;
            for (int i = 0; i < length; i++) {
                n = new Node(n);
            }
            return n;
        }
    }

    @Test
    void anEntryLargerThanTheLimitIsInvalidWithoutBeingRead() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).maxValueBytes(1 << 20).build();
        store.put("k", new byte[10]);
        try (RandomAccessFile f = new RandomAccessFile(store.entryFile("k").toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB that occupy nothing
        }
        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> store.get("k"));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        assertTrue(e.getMessage().contains("maxValueBytes"), e.getMessage());
        store.put("k", new byte[10]);
        assertEquals(10, store.get("k").orElseThrow().length);
    }

    @Test
    void theDefaultLimitRefusesAHugeSparseEntryWithoutOutOfMemory() throws Exception {
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(Fs.DISK.newRoot(tmp), Codecs.bytes()).build();
        store.put("k", new byte[10]);
        try (RandomAccessFile f = new RandomAccessFile(store.entryFile("k").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> store.get("k"));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aValueLargerThanTheLimitIsRefusedByPut() throws Exception {
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp), Codecs.bytes()).maxValueBytes(1000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put("k", new byte[1001]));
        assertTrue(e.getMessage().contains("maxValueBytes"), e.getMessage());
        assertTrue(store.get("k").isEmpty());
    }

    @Test
    void anArrayLengthThatTheStreamCannotHoldIsRefusedBeforeAllocation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new byte[0]);
        }
        byte[] hostile = bytes.toByteArray();
        ByteBuffer.wrap(hostile).putInt(hostile.length - 4, 0x7ffffff0);
        Path root = Fs.DISK.newRoot(tmp);
        WriteOnceStore.builder(root, Codecs.bytes()).build().put("k", hostile);
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.serializable(byte[].class)).build();
        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> store.get("k"));
        assertTrue(e.getMessage().contains("array"), e.getMessage());
    }

    @Test
    void nestedSetsThatTakeForeverToHashAreRefusedByDepth() throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(root);
        }
        assertTrue(bytes.size() < 8192, "a small value: " + bytes.size());
        Path dir = Fs.DISK.newRoot(tmp);
        WriteOnceStore.builder(dir, Codecs.bytes()).build().put("k", bytes.toByteArray());
        @SuppressWarnings({"unchecked", "rawtypes"})
        WriteOnceStore<HashSet> store = WriteOnceStore.builder(dir, Codecs.serializable(HashSet.class)).build();
        InvalidEntryException e = assertTimeoutPreemptively(WATCHDOG,
                () -> assertThrows(InvalidEntryException.class, () -> store.get("k")));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void aHashSetIsReadBackWithNothingElseAllowed() throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        WriteOnceStore<HashSet> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp), Codecs.serializable(HashSet.class)).build();
        store.put("k", new HashSet<>(Set.of("a", "b")));
        assertEquals(Set.of("a", "b"), store.get("k").orElseThrow());
    }

    @Test
    void putRefusesAValueItsOwnFilterWouldNotReadBack() throws Exception {
        WriteOnceStore<Node> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp), Codecs.serializable(Node.class)).build();
        store.put("short", Node.chain(10));
        assertTrue(store.get("short").isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put("long", Node.chain(101)));
        assertTrue(e.getMessage().contains("could not be read back"), e.getMessage());
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
        assertTrue(store.get("long").isEmpty(), "nothing published");
    }

    @Test
    void deeperValuesAreStoredOnceTheLimitIsRaised() throws Exception {
        Codecs.Limits deep = Codecs.Limits.DEFAULT.withMaxDepth(500);
        WriteOnceStore<Node> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp), Codecs.serializable(Node.class, deep)).build();
        store.put("long", Node.chain(101));
        assertTrue(store.get("long").isPresent());
    }

    @Test
    void aValueTooDeepToSerializeIsAClearErrorNotAStackOverflow() throws Exception {
        WriteOnceStore<Node> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp), Codecs.serializable(Node.class)).build();
        Node huge = Node.chain(200_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put("k", huge));
        assertTrue(e.getMessage().contains("too deep"), e.getMessage());
        assertTrue(store.get("k").isEmpty(), "nothing published");
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Codecs.Limits(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> WriteOnceStore.builder(Path.of("/nowhere"), Codecs.bytes()).maxValueBytes(-1));
    }
}
