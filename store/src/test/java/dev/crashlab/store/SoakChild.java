package dev.crashlab.store;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One process of {@link HostileSoakTest}: a writer that puts its own value into every attempt's
 * directory, a person deleting the invalid entries by hand, or a cleanup running beside writers.
 * Writes one result line per attempt (or a count) to a file the parent reads.
 */
final class SoakChild {

    private SoakChild() {
    }

    public static void main(String[] args) throws Exception {
        String role = args[0];
        Path base = Path.of(args[1]);
        int attempts = Integer.parseInt(args[2]);
        String id = args[3];
        List<String> lines = new ArrayList<>();
        // A start gate, so the processes race instead of running one after the other as the JVMs come up.
        Files.createFile(base.resolve("ready-" + role + "-" + id));
        while (!Files.exists(base.resolve("go"))) {
            Thread.onSpinWait();
        }
        switch (role) {
            case "writer" -> {
                for (int i = 0; i < attempts; i++) {
                    WriteOnceStore<byte[]> store = WriteOnceStore.builder(base.resolve("attempt-" + i), Codecs.bytes())
                            .durability(Durability.NONE).build();
                    lines.add(i + " " + outcome(() -> store.put("k", HostileSoakTest.value(id))));
                }
            }
            case "deleter" -> {
                for (int i = 0; i < attempts; i++) {
                    Path root = base.resolve("attempt-" + i);
                    Path entry = WriteOnceStore.builder(root, Codecs.bytes()).build().entryFile("k");
                    Path aside = root.resolve("deleted-by-hand");
                    try {
                        Files.move(entry, aside);
                        boolean valid = !Arrays.equals(Files.readAllBytes(aside), HostileSoakTest.INVALID);
                        lines.add(i + (valid ? " deleted-a-valid-entry" : " deleted-the-invalid-entry"));
                    } catch (NoSuchFileException alreadyReplaced) {
                        lines.add(i + " nothing-to-delete");
                    }
                }
            }
            case "keys" -> {
                WriteOnceStore<byte[]> store = WriteOnceStore.builder(base, Codecs.bytes()).durability(Durability.NONE).build();
                for (int i = 0; i < attempts; i++) {
                    int n = i;
                    lines.add(i + " " + outcome(() -> store.put(id + "-" + n, HostileSoakTest.value(id))));
                }
            }
            case "cleaner" -> {
                WriteOnceStore<byte[]> store = WriteOnceStore.builder(base, Codecs.bytes()).build();
                int runs = 0;
                while (!Files.exists(base.resolve("stop"))) {
                    runs++;
                    lines.add(outcome(() -> store.removeAbandonedTempFiles(Duration.ofHours(1))));
                }
                lines.add("runs " + runs);
            }
            default -> throw new IllegalArgumentException(role);
        }
        Files.write(base.resolve("result-" + role + "-" + id), lines);
    }

    interface Action {
        void run() throws Exception;
    }

    static String outcome(Action a) {
        try {
            a.run();
            return "acknowledged";
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }
}
