package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrashPlansTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path log;

    private RunResult run(String fs, FaultPlan plan) throws Exception {
        root = Roots.on(fs, tmp.resolve(String.valueOf(System.nanoTime())));
        log = root.getParent().resolve("outside.log");
        return Run.with(root, plan, () -> Workloads.publish(root, log));
    }

    private static List<OpKind> kinds(IoTrace trace) {
        return trace.ops().stream().map(IoOp::kind).toList();
    }

    private static final List<OpKind> FAULT_FREE = List.of(OpKind.CREATE, OpKind.WRITE, OpKind.FSYNC_FILE,
            OpKind.CLOSE, OpKind.MOVE);

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void faultFreeRunRecordsOnlyTheRootAndLeavesTheOutsideAlone(String fs) throws Exception {
        RunResult result = run(fs, FaultPlan.none());
        assertFalse(result.crashed());
        assertEquals(FAULT_FREE, kinds(result.trace()), result.trace().listing());
        assertTrue(result.trace().ops().stream().noneMatch(op -> op.path().contains("outside")));
        assertEquals("start\ncreated\nwritten\nsynced\nmoved\n", Files.readString(log));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void crashBeforeEachOperationStopsExactlyThere(String fs) throws Exception {
        for (int n = 0; n < FAULT_FREE.size(); n++) {
            RunResult result = run(fs, new CrashBefore(n));
            assertTrue(result.crashed());
            assertSame(result.crash(), result.thrown());
            assertEquals(n, result.crash().index());
            assertEquals(FAULT_FREE.subList(0, n), kinds(result.trace()), result.trace().listing());
            assertTrue(result.swallowedCrash().isEmpty());
            // the runner's own I/O outside the root went on up to the crash, untouched
            String expectedLog = List.of("start\n", "start\ncreated\n", "start\ncreated\nwritten\n",
                    "start\ncreated\nwritten\nsynced\n", "start\ncreated\nwritten\nsynced\n").get(n);
            assertEquals(expectedLog, Files.readString(log), "crash before #" + n);
        }
        assertTrue(Files.exists(root.resolve("a")) && !Files.exists(root.resolve("b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void crashAfterEachOperationKeepsIt(String fs) throws Exception {
        for (int n = 0; n < FAULT_FREE.size(); n++) {
            RunResult result = run(fs, new CrashAfter(n));
            assertEquals(FAULT_FREE.subList(0, n + 1), kinds(result.trace()));
            assertEquals("crash after #" + n + " " + FAULT_FREE.get(n) + " a", result.crashPoint().orElseThrow());
        }
        assertTrue(Files.exists(root.resolve("b")), "the move happened before the crash after #4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void crashInsideAWriteLeavesOnlyThePrefix(String fs) throws Exception {
        RunResult result = run(fs, new CrashInsideWrite(1, 4));
        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE), kinds(result.trace()));
        assertEquals(4, result.trace().get(1).length());
        assertArrayEquals(Arrays.copyOf(Workloads.CONTENT, 4), Files.readAllBytes(root.resolve("a")));
        assertEquals("crash inside #1 WRITE a after 4 of 10 bytes", result.crashPoint().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void everyCrashPointOfTheTraceFiresWhereEnumerated(String fs) throws Exception {
        IoTrace faultFree = run(fs, FaultPlan.none()).trace();
        List<FaultPlan> plans = CrashPoints.every(faultFree);
        assertEquals(faultFree.size() + 9 + 1, plans.size(), "a crash before each op, 9 inside the write, one after");
        for (FaultPlan plan : plans) {
            RunResult result = run(fs, plan);
            assertTrue(result.crashed(), plan.toString());
            IoTrace trace = result.trace();
            if (plan instanceof CrashBefore before) {
                assertEquals(before.index(), trace.size(), plan.toString());
            } else if (plan instanceof CrashAfter after) {
                assertEquals(after.index() + 1, trace.size(), plan.toString());
            } else {
                CrashInsideWrite inside = (CrashInsideWrite) plan;
                assertEquals(inside.index() + 1, trace.size(), plan.toString());
                assertEquals(inside.bytes(), trace.get(inside.index()).length(), plan.toString());
            }
        }
    }
}
