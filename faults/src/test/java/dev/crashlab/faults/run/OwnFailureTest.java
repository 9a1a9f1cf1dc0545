package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception of crashlab's own inside an intercepted call (here a plan's, the code that runs inside
 * the advice) never reaches the target as if it were the target's: the call goes on as without
 * crashlab, and the run ends in an error that says crashlab failed. An I/O error a plan injects does
 * reach the target: that is the fault under test.
 */
class OwnFailureTest {

    @TempDir
    Path root;

    private final List<Throwable> seenByTheTarget = new ArrayList<>();

    private void writer() throws IOException {
        try {
            Files.writeString(root.resolve("a"), "1");
            Files.writeString(root.resolve("b"), "2");
        } catch (IOException | RuntimeException | Error e) {
            seenByTheTarget.add(e);
            throw e;
        }
    }

    @Test
    void aFailureInsideTheAdviceIsCrashlabsNotTheTargets() throws Exception {
        IllegalStateException bug = new IllegalStateException("a bug of crashlab's");
        FaultPlan failing = new FaultPlan() {
            @Override
            public void before(Operation op) {
                if (op.index() == 1) {
                    throw bug;
                }
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Run.with(root, failing, this::writer));
        assertTrue(e.getMessage().startsWith("crashlab failed: a bug in crashlab, not in your code ("), e.getMessage());
        assertSame(bug, e.getCause());
        assertEquals(List.of(), seenByTheTarget, "the target's calls went on as without crashlab");
        assertEquals("1", Files.readString(root.resolve("a")));
        assertEquals("2", Files.readString(root.resolve("b")));
    }

    @Test
    void aFailureAfterTheCallIsCrashlabsToo() throws Exception {
        FaultPlan failing = new FaultPlan() {
            @Override
            public void after(Operation op) {
                throw new UnsupportedOperationException("a bug of crashlab's, after " + op);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Run.with(root, failing, this::writer));
        assertInstanceOf(UnsupportedOperationException.class, e.getCause());
        assertEquals(List.of(), seenByTheTarget);
        assertEquals("2", Files.readString(root.resolve("b")));
    }

    @Test
    void anInjectedIoErrorIsTheTargetsToHandle() {
        FaultPlan failing = new FaultPlan() {
            @Override
            public void before(Operation op) throws IOException {
                if (op.index() == 1) {
                    throw new IOException("injected");
                }
            }
        };
        RunResult result = Run.with(root, failing, this::writer);
        assertEquals("injected", result.thrown().getMessage());
        assertEquals(1, seenByTheTarget.size());
    }
}
