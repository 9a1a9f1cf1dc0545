package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import org.junit.jupiter.api.Test;

class TraceFactsTest {

    @Test
    void aFileKeepsItsInodeThroughARename() {
        TraceFacts facts = new TraceFacts(Traces.empty().create("t").write("t", 0, new byte[1]).move("t", "e")
                .fsync("e").build());
        assertEquals(facts.inode(0), facts.inode(3));
        assertTrue(facts.syncedBefore(1, 4));
        assertFalse(facts.syncedBefore(1, 3));
        assertFalse(facts.syncedBefore(2, 4), "a file fsync does not persist the rename");
    }

    @Test
    void aRenameAcrossDirectoriesNeedsBothDirectoriesSynced() {
        IoTrace trace = Traces.empty().create("a/t").move("a/t", "b/e").fsyncDir("b").fsyncDir("a").build();
        TraceFacts facts = new TraceFacts(trace);
        assertFalse(facts.syncedBefore(1, 3));
        assertTrue(facts.syncedBefore(1, 4));
    }

    @Test
    void aRecreatedNameIsANewFile() {
        TraceFacts facts = new TraceFacts(Traces.empty().create("f").delete("f").create("f").build());
        assertTrue(facts.inode(0) != facts.inode(2));
    }
}
