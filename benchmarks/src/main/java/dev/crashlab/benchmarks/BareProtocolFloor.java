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
 * is the overhead of the store's logic; the goal for FILE_AND_DIRECTORY is in {@link CostTables}.
 *
 * <p>It writes what a put writes, under names as long as a put's: an entry-sized buffer (the
 * value, plus {@value #ENTRY_FORMAT_BYTES} bytes for the entry format's header, a 6-digit key as
 * most keys of a run are (the store benchmarks count them up from 0), and the trailer), a
 * 70-character entry name and an 86-character temp name (a 64-character hash, as the store's).
 * Those bytes and names are what the store's file format costs the file system, not what its code
 * costs the CPU: a 4 KiB value's entry needs a second page where the value alone fits one, and on
 * tmpfs that page costs about a fifth of a put. A floor of the value alone under short names would
 * count that page against the store's own work; this one leaves in store/floor that work alone
 * (hashing the key, encoding and checksumming, the two looks for an existing entry and a
 * replacement marker, the random temp name). The buffer's bytes are not an entry, and no store
 * code runs here.
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

    /** The entry format's header (9), a 6-byte key and the trailer (12): what a put writes beyond the value. */
    static final int ENTRY_FORMAT_BYTES = 9 + 6 + 12;
    /** 48 of a hash's 64 hex digits; a counter's 16 make the rest, so each name is new and as long as the store's. */
    private static final String HASH_PREFIX = "0".repeat(48);

    private Path dir;
    private byte[] entryBytes;
    private long next;
    private boolean temp;
    private boolean syncFile;
    private boolean syncDirectory;
    private final DirectoryBudget budget = new DirectoryBudget();

    @Setup(Level.Trial)
    public void open() {
        dir = BenchDirs.fresh(fs, "bare-" + floor + "-" + size);
        entryBytes = Values.random(size + ENTRY_FORMAT_BYTES);
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
        // Sixteen hex digits for any count below 2^60, with no formatter in the measured time.
        String n = Long.toHexString(next++ | 1L << 60);
        Path entry = dir.resolve(HASH_PREFIX + n + ".entry");
        Path file = temp ? dir.resolve("." + HASH_PREFIX + n + "." + n + ".tmp") : entry;
        EnumSet<StandardOpenOption> open = temp
                ? EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel ch = FileChannel.open(file, open, OWNER_ONLY)) {
            ByteBuffer buf = ByteBuffer.wrap(entryBytes);
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
