package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {

    @TempDir
    Path tmp;

    record Point(int x, String label) implements Serializable {
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void bytesOfEverySizeComeBackExactly(Fs fs) throws Exception {
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.bytes()).build();
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 64, 4096, 1 << 20}) {
            byte[] value = new byte[size];
            random.nextBytes(value);
            store.put("k" + size, value);
            assertArrayEquals(value, store.get("k" + size).orElseThrow(), "size " + size);
        }
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void utf8StringsComeBackExactly(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        for (String v : List.of("", "plain", "ünïcødé ✓ 𝄞", "line\nbreak\u0000nul")) {
            store.put("key:" + v, v);
            assertEquals(v, store.get("key:" + v).orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void allowListedObjectsComeBackEqual(Fs fs) throws Exception {
        WriteOnceStore<Point> store = WriteOnceStore.builder(fs.newRoot(tmp),
                Codecs.serializable(Point.class)).build();
        store.put("p", new Point(3, "three"));
        assertEquals(new Point(3, "three"), store.get("p").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void serializedCollectionsNeedTheirClassesListed(Fs fs) throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        WriteOnceStore<ArrayList<String>> store = WriteOnceStore.builder(fs.newRoot(tmp),
                (Codec) Codecs.serializable(ArrayList.class)).build();
        store.put("list", new ArrayList<>(List.of("a", "b")));
        assertEquals(List.of("a", "b"), store.get("list").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void absentKeyIsEmptyNotAnError(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        assertTrue(store.get("nothing").isEmpty());
        assertFalse(store.contains("nothing"));
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void putAllPublishesEveryEntry(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("b", "2");
        store.putAll(Map.of("a", "1", "b", "2", "c", "3"));
        assertEquals("1", store.get("a").orElseThrow());
        assertEquals("2", store.get("b").orElseThrow());
        assertEquals("3", store.get("c").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void everyDurabilityOptionRoundTripsOnDisk(Durability d) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(Fs.DISK.newRoot(tmp), Codecs.utf8())
                .durability(d).build();
        store.put("k", "v");
        assertEquals("v", store.get("k").orElseThrow());
    }
}
