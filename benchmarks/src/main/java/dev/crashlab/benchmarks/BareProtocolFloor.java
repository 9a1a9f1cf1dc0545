package dev.crashlab.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The file operations a put performs, and nothing else: the floor each {@link Option} is compared
 * against.
 *
 * <p>For the reference protocol: create the temp file exclusively (CREATE_NEW, owner-only, as the
 * store does), write, fsync (FILE and up), close, hard-link it to the entry's name and delete the
 * temp name (a link never replaces a racing writer's entry, where a rename would), open the
 * directory and fsync it (FILE_AND_DIRECTORY). The seeded bugs drop or move steps the same way the
 * store's publishers do. What this leaves out is the store's own work: hashing the key, encoding
 * and checksumming the entry, looking for an existing entry, the random temp name. So store/floor
 * is the overhead of the store's logic, and the goal is at most 1.2x for FILE_AND_DIRECTORY.
 *
 * <p>The value written is the value alone, under short names; the store adds a header, the key and
 * a trailer (a few dozen bytes) and names its files by a 64-character hash. That makes the ratio
 * pessimistic at 64 B, and at 4 KiB on tmpfs as well: a 4 KiB value's entry needs a second page
 * where the value alone fits one, and on tmpfs that page costs about a fifth of this floor.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BareProtocolFloor {

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    @Param({"NONE", "FILE", "FILE_AND_DIRECTORY", "stream-to-final", "rename-no-fsync"})
    public String floor;

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private byte[] value;
    private long next;
    private boolean temp;
    private boolean syncFile;
    private boolean syncDirectory;
    private final DirectoryBudget budget = new DirectoryBudget();

    @Setup(Level.Trial)
    public void open() {
        dir = BenchDirs.fresh(fs, "bare-" + floor + "-" + size);
        value = Values.random(size);
        temp = !floor.equals("stream-to-final");
        syncFile = !floor.equals("NONE") && !floor.equals("rename-no-fsync");
        syncDirectory = floor.equals("FILE_AND_DIRECTORY") || floor.equals("stream-to-final")
                || floor.equals("rename-no-fsync");
        BenchDirs.syncAll();
    }

    @Setup(Level.Invocation)
    public void keepDirectorySmall() {
        if (budget.spend(1, size)) {
            BenchDirs.empty(dir);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(dir);
    }

    @Benchmark
    public void put() throws IOException {
        long n = next++;
        Path entry = dir.resolve(n + ".entry");
        Path file = temp ? dir.resolve("." + n + ".tmp") : entry;
        EnumSet<StandardOpenOption> open = temp
                ? EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel ch = FileChannel.open(file, open, OWNER_ONLY)) {
            ByteBuffer buf = ByteBuffer.wrap(value);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (syncFile) {
                ch.force(true);
            }
        }
        if (temp) {
            Files.createLink(entry, file);
            Files.delete(file);
        }
        if (syncDirectory) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }
}
