package dev.crashlab.faults.run;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The recording's own proof of completeness: replaying every operation of a fault-free trace onto
 * the snapshot taken before it must give back the directory the run left, byte for byte. Any
 * difference is I/O the recording did not see (native code, JNI, a path the instrumentation does
 * not cover), and every crash state built from that trace would be wrong, so the run is refused.
 */
final class Completeness {

    private Completeness() {
    }

    /** One line per difference, naming the file and how it differs; empty when the trace is complete. */
    static List<String> differences(IoTrace trace, Path root) {
        List<String> out = new ArrayList<>();
        special(root, out);
        Snapshot real = Snapshot.of(root);
        Snapshot replayed = CrashStates.replayed(trace);
        SortedMap<String, byte[]> expected = new TreeMap<>(replayed.files());
        expected.keySet().removeIf(name -> name.startsWith("@"));
        TreeSet<String> dirs = new TreeSet<>(replayed.directories());
        dirs.removeIf(name -> name.startsWith("@"));
        for (String dir : real.directories()) {
            if (!dirs.contains(dir)) {
                out.add(dir + "/: a directory on disk that the trace never made");
            }
        }
        for (String dir : dirs) {
            if (!real.directories().contains(dir)) {
                out.add(dir + "/: the trace made this directory, the disk does not have it");
            }
        }
        real.files().forEach((name, bytes) -> {
            byte[] traced = expected.get(name);
            if (traced == null) {
                out.add(name + ": on disk (" + bytes.length + " bytes), but the trace never made it");
            } else if (!java.util.Arrays.equals(bytes, traced)) {
                out.add(name + ": " + bytes.length + " bytes on disk, " + traced.length + " in the trace's replay, "
                        + "first difference at byte " + java.util.Arrays.mismatch(bytes, traced));
            }
        });
        expected.forEach((name, bytes) -> {
            if (!real.files().containsKey(name)) {
                out.add(name + ": the trace leaves it (" + bytes.length + " bytes), the disk does not have it");
            }
        });
        return out;
    }

    /** Symbolic links, FIFOs and sockets: the trace models none of them. */
    private static void special(Path root, List<String> out) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.add(Snapshot.relative(root, p)
                            + ": a symbolic link or special file, which the trace does not model"));
        } catch (IOException | RuntimeException e) {
            out.add(".: cannot list the root to check the recording (" + e + ")");
        }
    }
}
