package dev.crashlab.faults.plan;

import static dev.crashlab.faults.trace.OpKind.CLOSE;
import static dev.crashlab.faults.trace.OpKind.CREATE;
import static dev.crashlab.faults.trace.OpKind.DELETE;
import static dev.crashlab.faults.trace.OpKind.MOVE;
import static dev.crashlab.faults.trace.OpKind.WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovePlansTest {

    @TempDir
    Path tmp;

    static List<dev.crashlab.faults.trace.OpKind> kinds(IoTrace trace) {
        return trace.ops().stream().map(IoOp::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void atomicMoveIsRefusedAndNothingMoves(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Files.write(root.resolve("a"), Workloads.CONTENT);
        RunResult result = Run.with(root, new RefuseAtomicMove(),
                () -> Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE));
        AtomicMoveNotSupportedException refused = assertInstanceOf(AtomicMoveNotSupportedException.class, result.thrown());
        assertEquals("a -> b: Invalid cross-device link", refused.getMessage());
        assertEquals(0, result.trace().size());
        assertTrue(Files.exists(root.resolve("a")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void plainMoveBecomesAVisibleChunkedCopyThenDelete(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Files.write(root.resolve("a"), Workloads.CONTENT);
        RunResult result = Run.with(root, MoveAsCopy.everywhere(4),
                () -> Files.move(root.resolve("a"), root.resolve("b")));
        assertEquals(List.of(CREATE, WRITE, WRITE, WRITE, CLOSE, DELETE), kinds(result.trace()), result.trace().listing());
        assertEquals("b", result.trace().get(1).path());
        assertEquals(8, result.trace().get(3).offset());
        assertEquals("a", result.trace().get(5).path());
        assertArrayEquals(Workloads.CONTENT, Files.readAllBytes(root.resolve("b")));
        assertFalse(Files.exists(root.resolve("a")));
        assertTrue(result.trace().get(1).site().startsWith(getClass().getName()), result.trace().get(1).site());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aPauseInsideTheCopySeesTheHalfCopiedFile(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Files.write(root.resolve("a"), Workloads.CONTENT);
        AtomicLong seen = new AtomicLong(-1);
        RunResult result = Run.with(root, MoveAsCopy.everywhere(4).and(new PauseAt(2, () -> {
            try {
                seen.set(Files.size(root.resolve("b")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })), () -> Files.move(root.resolve("a"), root.resolve("b")));
        assertEquals(4, seen.get());
        assertTrue(result.callbackErrors().isEmpty());
        assertEquals(6, result.trace().size());
    }

    @Test
    void realCrossDeviceMoveFromTmpfsToDiskIsCopiedVisibly() throws Exception {
        Path shm = Tmpfs.directoryOrSkip(tmp);
        try {
            Path root = Files.createDirectories(tmp.resolve("root"));
            Files.write(shm.resolve("t"), Workloads.CONTENT);
            Files.write(root.resolve("same"), Workloads.CONTENT);
            RunResult result = Run.in(root).watch("shm", shm).plan(MoveAsCopy.acrossFileStores(4)).go(() -> {
                Files.move(shm.resolve("t"), root.resolve("e"));
                Files.move(root.resolve("same"), root.resolve("same2"));
            });
            assertEquals(List.of(CREATE, WRITE, WRITE, WRITE, CLOSE, DELETE, MOVE), kinds(result.trace()),
                    result.trace().listing());
            assertEquals("@shm/t", result.trace().get(5).path());
            assertArrayEquals(Workloads.CONTENT, Files.readAllBytes(root.resolve("e")));
        } finally {
            Tmpfs.delete(shm);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void refusingAtomicMoveLeavesRenameToAndPlainMovesAlone(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Files.write(root.resolve("a"), Workloads.CONTENT);
        boolean[] renamed = new boolean[1];
        RunResult result = Run.with(root, new RefuseAtomicMove(), () -> {
            renamed[0] = root.getFileSystem() != java.nio.file.FileSystems.getDefault()
                    || root.resolve("a").toFile().renameTo(root.resolve("b").toFile());
            Files.move(root.resolve(renamed[0] && Files.exists(root.resolve("b")) ? "b" : "a"), root.resolve("c"));
        });
        assertTrue(renamed[0]);
        assertEquals(null, result.thrown());
        assertTrue(Files.exists(root.resolve("c")));
    }

    @Test
    void aCrossDeviceMoveFailsRenameToCopiesPlainMovesAndRefusesAtomicOnes() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("a"), Workloads.CONTENT);
        Files.write(root.resolve("old"), new byte[] {1});
        boolean[] renamed = {true};
        RunResult result = Run.with(root, new CrossDeviceMove(), () -> {
            renamed[0] = root.resolve("a").toFile().renameTo(root.resolve("b").toFile());
            Files.move(root.resolve("a"), root.resolve("old"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(root.resolve("old"), root.resolve("c"), StandardCopyOption.ATOMIC_MOVE);
        });
        assertFalse(renamed[0], "renameTo reports EXDEV as false");
        assertInstanceOf(AtomicMoveNotSupportedException.class, result.thrown());
        // unlink the destination, create it exclusively, one transfer, close, unlink the source
        assertEquals(List.of(DELETE, CREATE, WRITE, CLOSE, DELETE), kinds(result.trace()), result.trace().listing());
        assertEquals(Workloads.CONTENT.length, result.trace().get(2).length());
        assertArrayEquals(Workloads.CONTENT, Files.readAllBytes(root.resolve("old")));
        assertFalse(Files.exists(root.resolve("a")));
    }
}
