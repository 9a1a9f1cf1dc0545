package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-once (G4) when writers race over an invalid entry: real threads, many bounded attempts,
 * counted. Whatever the interleaving, at most one of two different values is acknowledged, and
 * the key ends up holding the acknowledged one. Only outcomes are asserted, never timing.
 */
class InvalidEntryRaceTest {

    /** 150 in CI; more with -Dcrashlab.race.attempts=N (docs/store.md). */
    private static final int ATTEMPTS = Integer.getInteger("crashlab.race.attempts", 150);
    private static final Duration WATCHDOG = Duration.ofMinutes(2).plusMillis(ATTEMPTS * 200L);

    @TempDir
    Path tmp;

    enum Before {
        INVALID_ENTRY, INVALID_ENTRY_DELETED_DURING_THE_RACE
    }

    @Test
    void twoPutsOverAnInvalidEntryNeverBothWin() {
        assertEquals("0 of " + ATTEMPTS, race(Before.INVALID_ENTRY, false, Durability.FILE_AND_DIRECTORY, 4096));
    }

    @Test
    void twoPutsOfSmallValuesUnderNoneNeverBothWin() {
        assertEquals("0 of " + ATTEMPTS, race(Before.INVALID_ENTRY, false, Durability.NONE, 16));
    }

    @Test
    void twoPutIfAbsentsOverAnInvalidEntryNeverBothWin() {
        assertEquals("0 of " + ATTEMPTS, race(Before.INVALID_ENTRY, true, Durability.NONE, 4096));
    }

    @Test
    void deletingTheInvalidEntryByHandDuringTheRaceLosesNothing() {
        assertTrue(race(Before.INVALID_ENTRY_DELETED_DURING_THE_RACE, false, Durability.NONE, 4096).startsWith("0 of "));
    }

    /** Returns "N of ATTEMPTS": the attempts in which two values were acknowledged or the key lost the winner. */
    private String race(Before before, boolean ifAbsent, Durability durability, int size) {
        return assertTimeoutPreemptively(WATCHDOG, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            int broken = 0;
            int excluded = 0;
            List<String> examples = new ArrayList<>();
            try {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    Path root = Files.createDirectories(tmp.resolve("run-" + attempt));
                    WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).durability(durability).build();
                    store.put("k", new byte[size]);
                    Path entry = store.entryFile("k");
                    byte[] invalid = {'C', 'L', 'A', 'B', 9};
                    Files.write(entry, invalid);
                    byte[] a = filled(size, 'a');
                    byte[] b = filled(size, 'b');
                    CyclicBarrier start = new CyclicBarrier(before == Before.INVALID_ENTRY ? 2 : 3);
                    Future<Boolean> first = pool.submit(writer(store, a, ifAbsent, start));
                    Future<Boolean> second = pool.submit(writer(store, b, ifAbsent, start));
                    Future<Boolean> deletedAValidEntry = null;
                    if (before == Before.INVALID_ENTRY_DELETED_DURING_THE_RACE) {
                        // "rm" of the invalid file, kept aside to learn what it removed: a person who deletes a
                        // valid entry (the race's winner) has done what clear() does, which write-once allows.
                        deletedAValidEntry = pool.submit(() -> {
                            start.await();
                            Path aside = root.resolve("deleted-by-hand");
                            try {
                                Files.move(entry, aside);
                            } catch (java.nio.file.NoSuchFileException alreadyReplaced) {
                                return false;
                            }
                            return !java.util.Arrays.equals(Files.readAllBytes(aside), invalid);
                        });
                    }
                    boolean aWon = first.get();
                    boolean bWon = second.get();
                    Optional<byte[]> held = store.get("k");
                    boolean holdsWinner = held.isPresent() && (aWon && java.util.Arrays.equals(held.get(), a)
                            || bWon && java.util.Arrays.equals(held.get(), b));
                    // A hand deletion that lands after the winner published deletes a valid entry: the
                    // human's doing, not the store's; what the store must never do is acknowledge both.
                    if (deletedAValidEntry != null && deletedAValidEntry.get()) {
                        excluded++;
                        continue;
                    }
                    if (aWon && bWon || (aWon || bWon) && !holdsWinner) {
                        broken++;
                        if (examples.size() < 3) {
                            examples.add("attempt " + attempt + ": a " + aWon + ", b " + bWon + ", key holds "
                                    + held.map(v -> "'" + (char) v[0] + "'").orElse("nothing"));
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println(getClass().getSimpleName() + " " + before + " " + (ifAbsent ? "putIfAbsent" : "put") + " "
                    + durability + " " + size + " B: " + broken
                    + " broken, " + excluded + " in which the hand deleted the winner's valid entry " + examples);
            return broken + " of " + (ATTEMPTS - excluded);
        });
    }

    /** True when the writer's value was acknowledged as stored; a refusal is a legitimate loss. */
    private static Callable<Boolean> writer(WriteOnceStore<byte[]> store, byte[] value, boolean ifAbsent, CyclicBarrier start) {
        return () -> {
            start.await();
            try {
                if (ifAbsent) {
                    return store.putIfAbsent("k", value);
                }
                store.put("k", value);
                return true;
            } catch (EntryExistsException | ReplacementInProgressException lost) {
                return false;
            }
        };
    }

    private static byte[] filled(int size, char c) {
        byte[] v = new byte[size];
        java.util.Arrays.fill(v, (byte) c);
        return v;
    }
}
