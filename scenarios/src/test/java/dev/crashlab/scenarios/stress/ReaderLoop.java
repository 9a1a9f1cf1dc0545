package dev.crashlab.scenarios.stress;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.InvalidEntryException;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One reader of the stress tests, in a thread or in a child JVM: reads keys over and over with
 * the reference reader until told the writer is done, then once more, and counts what it saw. A
 * read is <em>torn</em> when it is neither "absent" nor exactly the value written: a wrong value,
 * an {@link InvalidEntryException}, or any other error (G1 allows none of them).
 *
 * <p>Bounded by counts, not time: the loop ends one pass after the writer's done signal, and the
 * writer puts a fixed number of keys.
 */
final class ReaderLoop {

    enum Seen { ABSENT, COMPLETE, TORN }

    private final WriteOnceStore<byte[]> store;
    private final StressData data;
    private final int count;
    private final byte[][] expected;
    private final boolean[] complete;
    private final Seen[] lastPass;
    private final Consumer<String> onTorn;

    long reads;
    long absent;
    long completeReads;
    long torn;
    final List<String> samples = new ArrayList<>();

    /**
     * @param count  keys {@code 0..count-1} are read
     * @param onTorn told of each torn read as it happens (a child JVM prints it); may be a no-op
     */
    ReaderLoop(Path root, StressData data, int count, Consumer<String> onTorn) throws IOException {
        this.store = WriteOnceStore.builder(root, Codecs.bytes()).createRoot(false).build();
        this.data = data;
        this.count = count;
        this.expected = new byte[count][];
        this.complete = new boolean[count];
        this.lastPass = new Seen[count];
        this.onTorn = onTorn;
    }

    private byte[] expected(int i) {
        if (expected[i] == null) {
            expected[i] = data.value(i).bytes();
        }
        return expected[i];
    }

    /** Reads a key nobody writes, counting nothing: to get the read path compiled before the stress. */
    void warmUp() {
        try {
            store.get("stress/warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads key {@code i} once and files what it saw. */
    Seen read(int i) {
        reads++;
        String problem;
        try {
            Optional<byte[]> v = store.get(StressData.key(i));
            if (v.isEmpty()) {
                absent++;
                return Seen.ABSENT;
            }
            if (Arrays.equals(v.get(), expected(i))) {
                completeReads++;
                complete[i] = true;
                return Seen.COMPLETE;
            }
            problem = "a wrong value of " + v.get().length + " bytes (" + expected(i).length + " were written)";
        } catch (InvalidEntryException e) {
            problem = "InvalidEntryException: " + e.problem();
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
        }
        torn++;
        String line = StressData.key(i) + ": " + problem;
        if (samples.size() < 5) {
            samples.add(line);
        }
        onTorn.accept(line);
        return Seen.TORN;
    }

    /**
     * Passes over the keys until {@code done} is true at the start of a pass, then one last pass
     * over every key. A key not yet seen complete is read in every pass (so the key being written
     * is read often); keys already complete only every {@link StressData#rereadEvery()} passes and
     * in the last. {@code betweenReads} runs after each key (the thread stress answers pause
     * handoffs there).
     */
    void run(BooleanSupplier done, Runnable betweenReads) {
        int every = data.rereadEvery();
        for (long pass = 0; ; pass++) {
            boolean last = done.getAsBoolean();
            for (int i = 0; i < count; i++) {
                if (last || !complete[i] || every > 0 && pass % every == 0) {
                    Seen seen = read(i);
                    if (last) {
                        lastPass[i] = seen;
                    }
                }
                betweenReads.run();
            }
            if (last) {
                return;
            }
        }
    }

    /** Keys among the first {@code written} that the last pass, after the writer had finished, did not find complete. */
    long missing(int written) {
        long m = 0;
        for (int i = 0; i < Math.min(written, count); i++) {
            if (lastPass[i] != Seen.COMPLETE) {
                m++;
            }
        }
        return m;
    }

    /** e.g. {@code reads=1234 torn=0 absent=567 complete=667 missing=0}: also the child JVM's report line. */
    String summary(int written) {
        return "reads=" + reads + " torn=" + torn + " absent=" + absent + " complete=" + completeReads
                + " missing=" + missing(written);
    }
}
