package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long, random version of the hostile runs, with real processes: off by default (CI runs the
 * bounded ones), on with {@code -Dcrashlab.soak.attempts=N} (docs/store.md). Several writer
 * processes put their own value into each of N directories holding an invalid entry, with and
 * without a person deleting it by hand meanwhile; then writers of distinct keys beside a process
 * running the cleanup in a loop. Prints the counts; fails on any acknowledged value lost.
 */
@EnabledIfSystemProperty(named = "crashlab.soak.attempts", matches = "\\d+")
class HostileSoakTest {

    static final byte[] INVALID = {'C', 'L', 'A', 'B', 9};

    @TempDir
    Path tmp;

    private final int attempts = Integer.getInteger("crashlab.soak.attempts", 0);
    private final int processes = Integer.getInteger("crashlab.soak.processes", 4);

    static byte[] value(String writer) {
        byte[] v = new byte[4096];
        Arrays.fill(v, (byte) writer.hashCode());
        v[0] = (byte) writer.charAt(0);
        return v;
    }

    @Test
    void writersOverInvalidEntries() throws Exception {
        assertEquals("0 lost", race("over an invalid entry", false));
    }

    @Test
    void writersOverInvalidEntriesDeletedByHand() throws Exception {
        assertEquals("0 lost", race("over an invalid entry deleted by hand", true));
    }

    private String race(String what, boolean deleter) throws Exception {
        Path base = Files.createDirectories(tmp.resolve(deleter ? "deleted" : "invalid"));
        for (int i = 0; i < attempts; i++) {
            Path root = Files.createDirectories(base.resolve("attempt-" + i));
            WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).build();
            store.put("k", new byte[1]);
            Files.write(store.entryFile("k"), INVALID);
        }
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(child("writer", base, String.valueOf((char) ('a' + p))));
        }
        if (deleter) {
            children.add(child("deleter", base, "h"));
        }
        go(base, children.size());
        awaitAll(children);
        Map<String, Integer> counts = new TreeMap<>();
        int lost = 0;
        int handDeletedAValidEntry = 0;
        Map<Integer, List<String>> acked = new HashMap<>();
        for (int p = 0; p < processes; p++) {
            String id = String.valueOf((char) ('a' + p));
            for (String line : Files.readAllLines(base.resolve("result-writer-" + id))) {
                String[] parts = line.split(" ", 2);
                counts.merge(parts[1], 1, Integer::sum);
                if (parts[1].equals("acknowledged")) {
                    acked.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>()).add(id);
                }
            }
        }
        List<String> deletions = deleter ? Files.readAllLines(base.resolve("result-deleter-h")) : List.of();
        deletions.forEach(l -> counts.merge("hand " + l.split(" ", 2)[1], 1, Integer::sum));
        for (int i = 0; i < attempts; i++) {
            if (deleter && deletions.get(i).endsWith("deleted-a-valid-entry")) {
                handDeletedAValidEntry++;
                continue; // a person deleting the winner's entry did what clear() does
            }
            List<String> winners = acked.getOrDefault(i, List.of());
            byte[] held = WriteOnceStore.builder(base.resolve("attempt-" + i), Codecs.bytes()).build().get("k").orElse(null);
            if (winners.size() > 1 || winners.size() == 1 && !Arrays.equals(held, value(winners.get(0)))) {
                lost++;
            }
        }
        System.out.printf("soak %s: %d attempts x %d writer processes%s: outcomes %s; acknowledged values lost: %d%s%n",
                what, attempts, processes, deleter ? " + 1 deleting by hand" : "", counts, lost,
                deleter ? "; attempts in which the hand deleted the winner's valid entry (not counted): " + handDeletedAValidEntry : "");
        return lost + " lost";
    }

    @Test
    void cleanupBesideWriterProcesses() throws Exception {
        Path base = Files.createDirectories(tmp.resolve("cleanup"));
        Process cleaner = child("cleaner", base, "c");
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            writers.add(child("keys", base, String.valueOf((char) ('a' + p))));
        }
        go(base, writers.size() + 1);
        awaitAll(writers);
        Files.createFile(base.resolve("stop"));
        awaitAll(List.of(cleaner));
        List<String> runs = Files.readAllLines(base.resolve("result-cleaner-c"));
        long failed = runs.stream().filter(l -> l.startsWith("refused")).count();
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(base, Codecs.bytes()).build();
        int missing = 0;
        int refusedPuts = 0;
        for (int p = 0; p < processes; p++) {
            String id = String.valueOf((char) ('a' + p));
            for (String line : Files.readAllLines(base.resolve("result-keys-" + id))) {
                String[] parts = line.split(" ", 2);
                if (!parts[1].equals("acknowledged")) {
                    refusedPuts++;
                } else if (store.get(id + "-" + parts[0]).isEmpty()) {
                    missing++;
                }
            }
        }
        System.out.printf("soak cleanup: %s cleanup passes beside %d writer processes x %d puts: cleanups failed %d,"
                + " puts refused %d, acknowledged entries missing %d%n", runs.get(runs.size() - 1).substring(5),
                processes, attempts, failed, refusedPuts, missing);
        assertEquals("0 0 0", failed + " " + refusedPuts + " " + missing);
    }

    private static Process child(String role, Path base, String id) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), SoakChild.class.getName(),
                role, base.toString(), String.valueOf(Integer.getInteger("crashlab.soak.attempts", 0)), id)
                .inheritIO().start();
    }

    /** Opens the start gate once every child has come up (a watchdog fails the wait if one never does). */
    private static void go(Path base, int children) throws Exception {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            while (true) {
                try (var files = Files.list(base)) {
                    if (files.filter(f -> f.getFileName().toString().startsWith("ready-")).count() >= children) {
                        break;
                    }
                }
                Thread.onSpinWait();
            }
        });
        Files.createFile(base.resolve("go"));
    }

    private static void awaitAll(List<Process> children) throws InterruptedException {
        for (Process p : children) {
            assertEquals(0, p.waitFor(), "a child process failed (its output is above)");
        }
    }
}
