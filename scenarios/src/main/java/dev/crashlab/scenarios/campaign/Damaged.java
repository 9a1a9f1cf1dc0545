package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Sets up a key whose entry is invalid before a run: what a crash or a disk leaves for the next writer. */
final class Damaged {

    static final Value FIRST = Value.small("small-a");

    private Damaged() {
    }

    /** Puts {@code key} under {@code root} (not recorded), truncates its entry to half, and returns the entry's path. */
    static Path entry(StoreTarget target, Path root, String key) throws Exception {
        target.perform(root, new Step.Put(key, FIRST));
        Path entry = entryFiles(root).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));
        return entry;
    }

    /** The entry files directly under {@code root}, whatever kind of file they are now. */
    static List<Path> entryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".entry")).sorted().toList();
        }
    }

    /** Deletes {@code entry} if it still is the truncated file: what a person does after reading the error. */
    static boolean deleteByHand(Path entry, int truncatedLength) throws IOException {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && Files.size(entry) == truncatedLength) {
            Files.delete(entry);
            return true;
        }
        return false;
    }
}
