package dev.crashlab.scenarios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.MoveAsCopy;
import dev.crashlab.faults.plan.RefuseAtomicMove;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TraceOp;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.junit.CrashTests;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Checking third-party code: kafka-clients' {@code Utils.atomicMoveWithFallback}, unmodified, as
 * Kafka's checkpoint files use it (see {@link KafkaCheckpoint}). The set-up writes a checkpoint;
 * the writer replaces it; a reader must find the old one or the new one, and the new one once the
 * writer returned. Each check is shown to pass on the correct caller and to fail on a careless one.
 */
// CrashTests writes its reports where -Dcrashlab.reports says, which CrashTestsTest sets for a moment.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class KafkaAtomicMoveTest {

    static final List<String> OLD = List.of("orders 0 100", "orders 1 200");
    static final List<String> NEW = List.of("orders 0 150", "orders 1 250");
    static final List<Context> MODELS = List.of(Context.PROCESS_CRASH, Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX);
    static final List<Context> POWER_FAILURE_LOSES_UNSYNCED_DATA = List.of(Context.EXT4_LIKE, Context.WEAKEST_POSIX);
    /** The temp file on another file system (tmpfs, say): the atomic move is refused, the fallback copies. */
    static final FaultPlan ACROSS_FILE_SYSTEMS = new RefuseAtomicMove().and(MoveAsCopy.everywhere(8));

    static CrashResult correct;
    static CrashResult withoutFsync;
    static CrashResult withoutDirectoryFsync;

    static CrashTarget.Builder checkpoint(String name, CrashTarget.Action writer) {
        return CrashTarget.builder(name)
                .setUp(root -> KafkaCheckpoint.write(root, OLD))
                .writer(writer)
                .reader(KafkaCheckpoint::read, OLD, NEW)
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3);
    }

    @BeforeAll
    static void check() {
        correct = CrashCheck.run(checkpoint("kafka-checkpoint", root -> KafkaCheckpoint.write(root, NEW))
                .faults(new RefuseAtomicMove(), ACROSS_FILE_SYSTEMS).build());
        withoutFsync = CrashCheck.run(checkpoint("kafka-checkpoint-no-fsync",
                root -> KafkaCheckpoint.writeWithoutFsync(root, NEW)).build());
        withoutDirectoryFsync = CrashCheck.run(checkpoint("kafka-checkpoint-no-dir-fsync",
                root -> KafkaCheckpoint.writeWithoutDirectoryFsync(root, NEW)).build());
    }

    @Test
    void theCorrectCallerHoldsG1G2AndG3UnderEveryModel() {
        assertEquals(List.of(), correct.notes(), "the writer returned and reached every pause point under every fault");
        assertHeld(correct.verdict(Guarantee.G1, Context.CONCURRENT_READER, Verdict.NO_FAULT), correct);
        for (Context model : MODELS) {
            assertHeld(correct.verdict(Guarantee.G2, model, Verdict.NO_FAULT), correct);
            assertHeld(correct.verdict(Guarantee.G3, model, Verdict.NO_FAULT), correct);
        }
    }

    @Test
    void withoutTheTempFileFsyncAPowerFailureLeavesAnEmptyCheckpointThatReadsAsNoOffsets() {
        for (Context model : POWER_FAILURE_LOSES_UNSYNCED_DATA) {
            Verdict g2 = withoutFsync.verdict(Guarantee.G2, model);
            assertEquals(Status.VIOLATED, g2.status(), g2.describe());
            Counterexample cx = g2.counterexample();
            // the rename and the directory fsync persisted, the data did not: a zero-length file,
            // which Kafka's reader answers with an empty list rather than an error
            assertEquals("[]", cx.readerSaw().lines().findFirst().orElseThrow(), g2.describe());
            assertTrue(cx.readerSaw().contains(KafkaCheckpoint.FILE + "  (0 bytes)"), g2.describe());
            assertTrue(cx.provenance().dropped().contains(firstOp(cx, "WRITE").index()), g2.describe());
            assertEquals(Status.VIOLATED, withoutFsync.verdict(Guarantee.G3, model).status());
        }
        for (Context model : List.of(Context.PROCESS_CRASH, Context.ORDERED)) {
            assertHeld(withoutFsync.verdict(Guarantee.G2, model), withoutFsync);
            assertHeld(withoutFsync.verdict(Guarantee.G3, model), withoutFsync);
        }
        assertHeld(withoutFsync.verdict(Guarantee.G1, Context.CONCURRENT_READER), withoutFsync);
    }

    @Test
    void withoutTheDirectoryFsyncAPowerFailureAfterTheWriteReturnedBringsTheOldCheckpointBack() {
        for (Context model : List.of(Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX)) {
            Verdict g3 = withoutDirectoryFsync.verdict(Guarantee.G3, model);
            assertEquals(Status.VIOLATED, g3.status(), g3.describe());
            assertEquals(OLD.toString(), g3.counterexample().readerSaw().lines().findFirst().orElseThrow(), g3.describe());
            assertHeld(withoutDirectoryFsync.verdict(Guarantee.G2, model), withoutDirectoryFsync);
        }
        assertHeld(withoutDirectoryFsync.verdict(Guarantee.G3, Context.PROCESS_CRASH), withoutDirectoryFsync);
    }

    @Test
    void withTheAtomicMoveRefusedTheFallbackUnlinksTheCheckpointBeforeItRenames(@TempDir Path root) throws Exception {
        KafkaCheckpoint.write(root, OLD);
        RunResult run = Run.with(root, new RefuseAtomicMove(), () -> KafkaCheckpoint.write(root, NEW));
        // Files.move(REPLACE_EXISTING) without ATOMIC_MOVE is unlink(2) then rename(2) in the JDK (UnixFileSystem.move)
        List<OpKind> kinds = run.trace().ops().stream().map(IoOp::kind)
                .filter(k -> k == OpKind.DELETE || k == OpKind.MOVE).toList();
        assertEquals(List.of(OpKind.DELETE, OpKind.MOVE), kinds, run.trace().listing());

        String fault = new RefuseAtomicMove().toString();
        Verdict g1 = correct.verdict(Guarantee.G1, Context.CONCURRENT_READER, fault);
        assertEquals(Status.VIOLATED, g1.status(), g1.describe());
        assertTrue(g1.counterexample().readerSaw().contains("NoSuchFileException: <root>/" + KafkaCheckpoint.FILE),
                "a reader between the unlink and the rename finds no checkpoint:\n" + g1.describe());
        for (Context model : MODELS) {
            Verdict g2 = correct.verdict(Guarantee.G2, model, fault);
            assertEquals(Status.VIOLATED, g2.status(), "a crash between the unlink and the rename:\n" + g2.describe());
            assertHeld(correct.verdict(Guarantee.G3, model, fault), correct);
        }
    }

    @Test
    void acrossFileSystemsTheFallbackDeletesTheCheckpointThenCopiesItInPieces() {
        String fault = ACROSS_FILE_SYSTEMS.toString();
        Verdict g1 = correct.verdict(Guarantee.G1, Context.CONCURRENT_READER, fault);
        assertEquals(Status.VIOLATED, g1.status(), g1.describe());
        assertTrue(g1.counterexample().readerSaw().contains("NoSuchFileException: <root>/" + KafkaCheckpoint.FILE),
                "a reader between the delete and the copy finds no checkpoint at all:\n" + g1.describe());
        assertEquals("DELETE", g1.counterexample().trace().get(g1.counterexample().crashPoint().op() - 1).kind(), g1.describe());
        for (Context model : MODELS) {
            Verdict g2 = correct.verdict(Guarantee.G2, model, fault);
            assertEquals(Status.VIOLATED, g2.status(), "a crash mid-copy leaves a torn checkpoint:\n" + g2.describe());
        }
        for (Context model : POWER_FAILURE_LOSES_UNSYNCED_DATA) {
            Verdict g3 = correct.verdict(Guarantee.G3, model, fault);
            assertEquals(Status.VIOLATED, g3.status(), "the copy is never fsynced:\n" + g3.describe());
        }
        assertHeld(correct.verdict(Guarantee.G3, Context.PROCESS_CRASH, fault), correct);
        assertTrue(correct.toReport(java.time.Instant.EPOCH).violations() > 0);
    }

    /** The JUnit 5 integration as a project would use it: one test per guarantee x model x fault. */
    @TestFactory
    Stream<DynamicTest> kafkaCheckpointCrashTests() {
        return CrashTests.of(checkpoint("kafka-checkpoint", root -> KafkaCheckpoint.write(root, NEW)).build());
    }

    @Test
    void theCarelessCallersDynamicTestsFailWithTheCounterexample() throws Throwable {
        List<DynamicTest> tests = CrashTests.of(checkpoint("kafka-checkpoint-no-fsync",
                root -> KafkaCheckpoint.writeWithoutFsync(root, NEW)).build()).toList();
        assertEquals(1 + 2 * MODELS.size(), tests.size());
        for (DynamicTest t : tests) {
            if (POWER_FAILURE_LOSES_UNSYNCED_DATA.stream().anyMatch(m -> t.getDisplayName().endsWith(", " + m))) {
                AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> t.getExecutable().execute(),
                        t.getDisplayName());
                assertTrue(e.getMessage().contains("reader saw: []"), e.getMessage());
                assertTrue(e.getMessage().contains("replay:     CrashCheck.replay(target, \"kafka-checkpoint-no-fsync:0:"),
                        e.getMessage());
            } else {
                t.getExecutable().execute();
            }
        }
    }

    private static TraceOp firstOp(Counterexample cx, String kind) {
        return cx.trace().stream().filter(op -> op.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static void assertHeld(Verdict v, CrashResult all) {
        assertEquals(Status.HELD, v.status(), v.describe() + "\n" + all.describe());
        assertNull(v.counterexample());
        assertTrue(v.checks() > 0, v.title());
    }
}
