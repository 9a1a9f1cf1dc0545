package dev.crashlab.faults.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice never changes what a method does: every public and protected method and constructor of
 * every advised class ({@link AdvisedCalls}) is called outside any run, then on the same path inside a
 * recorded run, and the two must agree on the value returned, the exception (type and message), the
 * receiver's state after, and the directory left on disk.
 *
 * <p>Both sides run in this JVM, on the same path: a child JVM without the agent would name other
 * paths, so every message, hash code and path returned would differ for reasons that are not the
 * advice's. Outside a run the advice only reads the dispatcher's hook and leaves the call alone;
 * inside one, the run decodes, records and may carry out the call itself, which is where a difference
 * (a cast of the wrong argument, a write of the wrong bytes, a changed exception) comes from.
 */
class AdviceEquivalenceTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void everyAdvisedMemberDoesInARecordedRunWhatItDoesOutsideOne() throws Exception {
        Agent.install();
        List<String> unknown = new ArrayList<>();
        List<AdvisedCalls.Call> calls = new ArrayList<>();
        for (String name : EntryPoints.advisedClasses()) {
            calls.addAll(AdvisedCalls.of(Class.forName(name), unknown));
        }
        assertEquals(List.of(), unknown, "parameter types the generator makes no argument for: add them");
        List<String> differences = new ArrayList<>();
        List<String> notCalled = new ArrayList<>();
        // A tmpfs when there is one: the calls are the same, and two thousand small directories cost a
        // disk's journal seconds on a busy machine.
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "crashlab-eq-") : tmp;
        try (FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix())) {
            int i = 0;
            for (AdvisedCalls.Call call : calls) {
                Path root = call.onJimfs() ? jimfs.getPath("/c" + i) : base.resolve("c" + i);
                i++;
                String outside = outside(call, root);
                String inside = inside(call, root);
                if (outside.startsWith("INACCESSIBLE") || outside.contains("could not be called")
                        || outside.startsWith("the fixture failed")) {
                    notCalled.add(call + ": " + outside);
                } else if (!outside.equals(inside)) {
                    differences.add(call + "\n    outside a run: " + outside + "\n    in a run:      " + inside);
                }
            }
        } finally {
            if (base != tmp) {
                clear(base);
            }
        }
        assertEquals(List.of(), notCalled, "members the test could not call");
        assertEquals("", String.join("\n", differences), differences.size() + " of " + calls.size() + " calls differ");
        assertTrue(calls.size() > 300, "every overload of every advised class: " + calls.size());
    }

    private static String outside(AdvisedCalls.Call call, Path root) throws IOException {
        AdvisedCalls.setUp(root);
        String ended = AdvisedCalls.make(call, root);
        String disk = disk(root);
        clear(root);
        return ended + "\n    disk: " + disk;
    }

    private static String inside(AdvisedCalls.Call call, Path root) throws IOException {
        AdvisedCalls.setUp(root);
        String[] ended = new String[1];
        RunResult run = Run.in(root).checkComplete().go(() -> ended[0] = AdvisedCalls.make(call, root));
        String disk = disk(root);
        clear(root);
        // What the run could not see is refused by name (a mapping, a native transfer); anything else it
        // missed shows as the replayed trace not giving back the directory.
        // A native method (RandomAccessFile.setLength on 17) is seen at its call sites, which the agent
        // rewrites; this test calls it by reflection, which no call site carries.
        List<String> missed = java.lang.reflect.Modifier.isNative(call.member().getModifiers()) ? List.of()
                : run.unseen().stream().filter(u -> u.contains("replaying the recorded trace")).toList();
        return (run.thrown() == null ? ended[0] : "the run failed: " + run.thrown())
                + (missed.isEmpty() ? "" : "; the trace missed: " + missed) + "\n    disk: " + disk;
    }

    /** Every entry under {@code root}: kind, permissions, size, a time only if it is one the test set, and a file's bytes. */
    private static String disk(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                out.append(AdvisedCalls.masked(root.relativize(p).toString())).append(' ');
                if (Files.isSymbolicLink(p)) {
                    out.append("link to ").append(Files.readSymbolicLink(p));
                } else {
                    out.append(Files.isDirectory(p) ? "dir" : "file");
                    try {
                        out.append(' ').append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                    } catch (UnsupportedOperationException | IOException noPosix) {
                        out.append(" -");
                    }
                    long millis = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
                    out.append(millis < 1_500_000_000_000L ? " t=" + millis : " t=now");
                    if (Files.isRegularFile(p)) {
                        try {
                            out.append(' ').append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                        } catch (IOException unreadable) {
                            out.append(" unreadable");
                        }
                    }
                }
                out.append("; ");
            }
        }
        return out.toString();
    }

    /** Removes {@code p}; only if that fails, gives back the permissions a call may have taken away, and again. */
    private static void clear(Path p) throws IOException {
        try {
            delete(p);
        } catch (IOException denied) {
            restore(p);
            delete(p);
        }
    }

    private static void delete(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path child : children.toList()) {
                    delete(child);
                }
            }
        }
        Files.delete(p);
    }

    private static void restore(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException noPosix) {
            return; // Jimfs's unix configuration keeps no permissions to restore
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path child : children.toList()) {
                    restore(child);
                }
            }
        }
    }
}
