package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real threads on the real file system: readers see nothing or a complete value, never a part. */
class ConcurrencyTest {

    @TempDir
    Path tmp;

    static String valueOf(int key) {
        return ("value-" + key + "-").repeat(2000);
    }

    @Test
    void writersAndReadersOfTheSameKeysNeverSeeAPartialValue() throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(Fs.DISK.newRoot(tmp), Codecs.utf8())
                .durability(Durability.NONE).build();
        int threads = 4;
        int keys = 50;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int torn = 0;
                    for (int i = 0; i < keys; i++) {
                        int key = (i + id * 7) % keys;
                        if (id % 2 == 0) {
                            store.putIfAbsent("k" + key, valueOf(key));
                        }
                        for (int r = 0; r < keys; r += 5) {
                            Optional<String> seen = store.get("k" + r);
                            reads.incrementAndGet();
                            if (seen.isPresent() && !seen.get().equals(valueOf(r))) {
                                torn++;
                            }
                        }
                    }
                    return torn;
                }));
            }
            start.countDown();
            int torn = 0;
            for (Future<Integer> f : results) {
                torn += f.get();
            }
            assertEquals(0, torn, "torn reads among " + reads.get());
        } finally {
            pool.shutdownNow();
        }
        for (int k = 0; k < keys; k++) {
            assertEquals(valueOf(k), store.get("k" + k).orElseThrow());
        }
    }
}
