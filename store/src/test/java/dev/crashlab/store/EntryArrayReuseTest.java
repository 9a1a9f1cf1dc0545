package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thread's puts share one entry array, one after another, and large puts the arrays other puts
 * gave back: each entry file still holds exactly its own bytes (nothing of a longer entry written
 * before it), a put made from inside another put's codec gets an array of its own, and so does
 * each of two threads putting large values at once.
 */
class EntryArrayReuseTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Fs.class)
    void eachEntryHoldsItsOwnBytesWhateverThePutBeforeIt(Fs fs) throws Exception {
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.bytes()).build();
        Random random = new Random(7);
        int[] sizes = {4096, 10, 0, 4096, 70_000, 3, 4096, 300_000, 70_000, 200_000, 66_000, 5};
        byte[][] values = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            values[i] = new byte[sizes[i]];
            random.nextBytes(values[i]);
            store.put("key " + i, values[i]);
        }
        for (int i = 0; i < sizes.length; i++) {
            Path file = store.entryFile("key " + i);
            assertEquals(EntryFormat.fileSize(("key " + i).length(), sizes[i]), Files.size(file), "size of entry " + i);
            assertArrayEquals(values[i], store.get("key " + i).orElseThrow(), "value of entry " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void aPutMadeByACodecDuringAnotherPutKeepsItsOwnBytes(Fs fs) throws Exception {
        AtomicReference<WriteOnceStore<String>> inner = new AtomicReference<>();
        // Keys of one length: both entries' values start at the same offset, so a shared array would mix them.
        Codec<String> putsWhileEncoding = new Codec<>() {
            @Override
            public void encode(String value, OutputStream out) throws IOException {
                int half = value.length() / 2;
                out.write(value.substring(0, half).getBytes());
                if (value.startsWith("O")) {
                    inner.get().put("inner", "I".repeat(20));
                }
                out.write(value.substring(half).getBytes());
            }

            @Override
            public String decode(byte[] bytes) {
                return new String(bytes);
            }
        };
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), putsWhileEncoding).build();
        inner.set(store);
        store.put("warm", "w".repeat(100)); // leaves this thread an array with room for both puts below
        store.put("outer", "O".repeat(20));
        assertEquals("O".repeat(20), store.get("outer").orElseThrow());
        assertEquals("I".repeat(20), store.get("inner").orElseThrow());
        assertEquals("w".repeat(100), store.get("warm").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void twoThreadsPuttingLargeValuesEachKeepTheirOwnBytes(Fs fs) throws Exception {
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.bytes()).build();
        int perThread = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.put(thread + "/" + i, largeValue(thread, i));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS); // a watchdog, not a timing
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < perThread; i++) {
                assertArrayEquals(largeValue(t, i), store.get(t + "/" + i).orElseThrow(), "value " + t + "/" + i);
            }
        }
    }

    /** Sizes that differ put to put, so that a reused array is often longer than the entry. */
    private static byte[] largeValue(int thread, int i) {
        byte[] v = new byte[70_000 + (i * 7919 + thread * 104_729) % 200_000];
        new Random(thread * 1000L + i).nextBytes(v);
        return v;
    }
}
