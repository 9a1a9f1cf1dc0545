package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.crash.TraceFacts;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real JVM code does that a name-bound picture of the file system gets wrong, each taken from
 * code that broke the engine (an exception, a false alarm, a miss or a refusal): the trace and the
 * crash states follow the kernel, where handles are bound to files and names are only names.
 */
class KernelTruthTest {

    @TempDir
    Path tmp;

    private Path root() throws Exception {
        return Files.createDirectories(tmp.resolve("root"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Each state as "name=contents" lines. */
    private static Set<String> states(IoTrace trace, PersistenceModel model, int point) {
        return new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), point).stream()
                .map(KernelTruthTest::render).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String render(CrashState state) {
        Map<String, String> files = new TreeMap<>();
        state.contents().files().forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.ISO_8859_1)
                .replace('\0', '0')));
        return files.toString();
    }

    @Test
    void aBufferedStreamFlushedAtCloseAfterTheRenameWritesTheRenamedFile() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            OutputStream out = new BufferedOutputStream(new FileOutputStream(root.resolve("a.tmp").toFile()));
            out.write(ascii("hello"));
            Files.move(root.resolve("a.tmp"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
            out.close();
        });
        IoOp write = trace.ops().stream().filter(op -> op.kind() == OpKind.WRITE).findFirst().orElseThrow();
        assertTrue(write.index() > 1, trace.listing());
        assertEquals(Set.of("{a=hello}"), states(trace, new ProcessCrash(), trace.size()));
        assertEquals(new TraceFacts(trace).inode(0), new TraceFacts(trace).inode(write.index()), trace.listing());
    }

    @Test
    void anFsyncThroughTheStillOpenChannelAfterTheRenameMakesTheRenamedFileDurable() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a.tmp"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(ascii("v1")));
                Files.move(root.resolve("a.tmp"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
                ch.force(true);
            }
            try (FileChannel dir = FileChannel.open(root)) {
                dir.force(true);
            }
        });
        // after the directory fsync, nothing may be lost: the data fsync covered the renamed file
        assertEquals(Set.of("{a=v1}"), states(trace, new WeakestPosix(), trace.size()));
    }

    @Test
    void anFsyncThroughASecondHandleCoversTheFile() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(ascii("v1"));
                try (FileChannel other = FileChannel.open(root.resolve("a"), StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    other.force(false);
                }
            }
        });
        TraceFacts facts = new TraceFacts(trace);
        int write = trace.ops().stream().filter(op -> op.kind() == OpKind.WRITE).findFirst().orElseThrow().index();
        assertTrue(facts.syncedBefore(write, trace.size()), trace.listing());
    }

    @Test
    void writesToAnUnlinkedOpenFileAreRecordedAndLeaveNothingVisible() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            try (RandomAccessFile file = new RandomAccessFile(root.resolve("scratch").toFile(), "rw")) {
                Files.delete(root.resolve("scratch"));
                file.write(ascii("gone"));
            }
        });
        assertTrue(trace.ops().stream().anyMatch(op -> op.kind() == OpKind.WRITE), trace.listing());
        assertEquals(Set.of("{}"), states(trace, new ProcessCrash(), trace.size()));
    }

    @Test
    void deleteOnCloseUnlinksRightAfterTheOpenAndSymbolicLinksAreRefused() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            try (FileChannel scratch = FileChannel.open(root.resolve("scratch"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
                scratch.write(ByteBuffer.wrap(ascii("spill")));
            }
        });
        assertEquals(List.of(OpKind.CREATE, OpKind.DELETE, OpKind.WRITE, OpKind.CLOSE), TraceTest.kinds(trace),
                trace.listing());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Run.record(root,
                () -> Files.createSymbolicLink(root.resolve("current"), root.resolve("v1"))));
        assertTrue(refused.getMessage().contains("current: a symbolic link"), refused.getMessage());
    }

    @Test
    void setLengthIsATruncateOnEveryJdk() throws Exception {
        Path root = root();
        Files.write(root.resolve("a"), ascii("0123456789"));
        IoTrace trace = Run.record(root, () -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.setLength(4);
                raf.setLength(6);
            }
        });
        assertEquals(List.of(OpKind.TRUNCATE, OpKind.TRUNCATE, OpKind.CLOSE), TraceTest.kinds(trace), trace.listing());
        assertEquals(Set.of("{a=012300}"), states(trace, new ProcessCrash(), trace.size()));
    }

    @Test
    void attemptsThatFailOnTheirOwnDoNotShiftWhereAPlanStops() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            new File(root.toFile(), "d/e/f").mkdirs(); // tries d/e/f and d/e first: both fail, neither recorded
            Files.write(root.resolve("d/x"), ascii("x"));
        });
        int create = trace.ops().stream().filter(op -> op.kind() == OpKind.CREATE).findFirst().orElseThrow().index();
        Path again = Files.createDirectories(tmp.resolve("again"));
        RunResult stopped = Run.with(again, dev.crashlab.faults.plan.FaultPlan.crashBefore(create), () -> {
            new File(again.toFile(), "d/e/f").mkdirs();
            Files.write(again.resolve("d/x"), ascii("x"));
        });
        assertTrue(stopped.crashed());
        assertEquals(create, stopped.trace().size(), "the plan stopped right before the CREATE:\n" + stopped.trace().listing());
    }

    @Test
    void aStreamOnARandomAccessFilesDescriptorWritesThatFile() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.write(ascii("head"));
                raf.seek(8);
                FileOutputStream out = new FileOutputStream(raf.getFD());
                out.write(ascii("tail"));
            }
        });
        IoOp tail = trace.ops().stream().filter(op -> op.kind() == OpKind.WRITE).reduce((a, b) -> b).orElseThrow();
        assertEquals(8, tail.offset(), trace.listing());
        assertEquals(Set.of("{a=head0000tail}"), states(trace, new ProcessCrash(), trace.size()));
    }

    @Test
    void aDirectoryHandlesFsyncCoversTheDirectoryUnderItsNewName() throws Exception {
        Path root = root();
        Files.createDirectories(root.resolve("d"));
        IoTrace trace = Run.record(root, () -> {
            try (FileChannel dir = FileChannel.open(root.resolve("d"), StandardOpenOption.READ)) {
                Files.move(root.resolve("d"), root.resolve("e"), StandardCopyOption.ATOMIC_MOVE);
                try (FileChannel a = FileChannel.open(root.resolve("e/a"), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    a.write(ByteBuffer.wrap(ascii("v1")));
                    a.force(true);
                }
                dir.force(true);
            }
            try (FileChannel top = FileChannel.open(root, StandardOpenOption.READ)) {
                top.force(true);
            }
        });
        // e/a's entry was made after d became e, and fsynced through the handle opened as d: nothing may be lost
        assertEquals(Set.of("{e/a=v1}"), states(trace, new WeakestPosix(), trace.size()));
    }

    @Test
    void aPlainMoveOfAFileOntoItselfIsNoOperation() throws Exception {
        Path root = root();
        Files.write(root.resolve("a"), ascii("v1"));
        IoTrace trace = Run.record(root, () -> Files.move(root.resolve("a"), root.resolve("a"),
                StandardCopyOption.REPLACE_EXISTING));
        assertEquals(List.of(), TraceTest.kinds(trace), trace.listing());
    }

    @Test
    void javaIoNativeCreatesAreRecorded() throws Exception {
        Path root = root();
        File[] temp = new File[1];
        IoTrace trace = Run.record(root, () -> {
            temp[0] = File.createTempFile("ckpt", ".tmp", root.toFile());
            try (FileOutputStream out = new FileOutputStream(temp[0])) {
                out.write(ascii("v1"));
            }
            new File(root.toFile(), "marker").createNewFile();
            new File(root.toFile(), "d/e/f").mkdirs();
        });
        String tempName = temp[0].getName();
        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE, OpKind.CLOSE, OpKind.CREATE, OpKind.MKDIR, OpKind.MKDIR,
                OpKind.MKDIR), TraceTest.kinds(trace), trace.listing());
        assertEquals(tempName, trace.get(0).path());
        assertEquals("{" + tempName + "=v1, marker=}", states(trace, new ProcessCrash(), trace.size()).iterator().next());
    }

    @Test
    void filesCopyReplacingUnlinksCreatesExclusivelyAndTransfers() throws Exception {
        Path root = root();
        Files.write(root.resolve("checkpoint"), ascii("old"));
        Files.write(root.resolve("checkpoint.tmp"), ascii("new"));
        IoTrace trace = Run.record(root, () -> Files.copy(root.resolve("checkpoint.tmp"), root.resolve("checkpoint"),
                StandardCopyOption.REPLACE_EXISTING));
        assertEquals(List.of(OpKind.DELETE, OpKind.CREATE, OpKind.WRITE, OpKind.CLOSE), TraceTest.kinds(trace),
                trace.listing());
        // a crash between the steps leaves no checkpoint, or an empty one: what a reader can see too
        assertEquals(Set.of("{checkpoint.tmp=new}"), states(trace, new ProcessCrash(), 1));
        assertEquals(Set.of("{checkpoint=, checkpoint.tmp=new}"), states(trace, new ProcessCrash(), 2));
        // and the new directory entry is not durable: a power failure can lose the checkpoint altogether
        assertTrue(states(trace, new WeakestPosix(), trace.size()).contains("{checkpoint.tmp=new}"));
    }

    @Test
    void aPlainMoveReplacingAnExistingFileUnlinksItFirst() throws Exception {
        Path root = root();
        Files.write(root.resolve("a"), ascii("old"));
        Files.write(root.resolve("a.tmp"), ascii("new"));
        IoTrace trace = Run.record(root, () -> Files.move(root.resolve("a.tmp"), root.resolve("a"),
                StandardCopyOption.REPLACE_EXISTING));
        assertEquals(List.of(OpKind.DELETE, OpKind.MOVE), TraceTest.kinds(trace), trace.listing());
        assertEquals(Set.of("{a.tmp=new}"), states(trace, new ProcessCrash(), 1));
    }

    @Test
    void syncAndDsyncWritesAreDurableWhenTheyReturn() throws Exception {
        Path root = root();
        Files.write(root.resolve("log"), new byte[0]);
        IoTrace trace = Run.record(root, () -> {
            try (FileChannel ch = FileChannel.open(root.resolve("log"), StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC)) {
                ch.write(ByteBuffer.wrap(ascii("r1")));
            }
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("log").toFile(), "rws")) {
                raf.seek(2);
                raf.write(ascii("r2"));
            }
        });
        assertTrue(trace.ops().stream().filter(op -> op.kind() == OpKind.WRITE).allMatch(IoOp::durable),
                trace.listing());
        assertEquals(Set.of("{log=r1r2}"), states(trace, new WeakestPosix(), trace.size()));
    }

    @Test
    void aReadOnlyMappingPassesAndAWritableOneIsRefused() throws Exception {
        Path root = root();
        Files.write(root.resolve("index"), ascii("0123456789"));
        IoTrace trace = Run.record(root, () -> {
            try (FileChannel ch = FileChannel.open(root.resolve("index"), StandardOpenOption.READ)) {
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, 10);
                assertEquals('3', map.get(3));
            }
        });
        assertEquals(List.of(), TraceTest.kinds(trace));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Run.record(root, () -> {
            try (FileChannel ch = FileChannel.open(root.resolve("index"), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                ch.map(FileChannel.MapMode.READ_WRITE, 0, 10).put(0, (byte) 'x');
            }
        }));
        assertTrue(refused.getMessage().contains("index: memory-mapped for writing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("KernelTruthTest"), "names the call site: " + refused.getMessage());
    }

    @Test
    void aLibrarysDescriptorSyncIsSeenWhateverItsPackage() throws Exception {
        Path root = root();
        IoTrace trace = Run.record(root, () -> com.google.userlike.DescriptorSyncWriter.write(root.resolve("a"),
                ascii("v1")));
        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE, OpKind.FSYNC_FILE, OpKind.CLOSE), TraceTest.kinds(trace),
                trace.listing());
    }

    @Test
    void writesTheRecordingDidNotSeeAreRefusedNamingTheFile() throws Exception {
        Path root = root();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Run.record(root, () -> {
            Files.write(root.resolve("seen"), ascii("a"));
            // another process writes under the root: nothing in this JVM records it
            Process sh = new ProcessBuilder("sh", "-c", "printf unseen > '" + root.resolve("unseen") + "'").start();
            assertEquals(0, sh.waitFor());
        }));
        assertTrue(refused.getMessage().contains("unseen: on disk (6 bytes), but the trace never made it"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("seen: on disk (1"), refused.getMessage());
    }
}
