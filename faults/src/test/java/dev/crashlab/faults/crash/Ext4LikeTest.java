package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NO_DIR_FSYNC;
import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;
import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static dev.crashlab.faults.crash.Traces.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ext4LikeTest {

    private final PersistenceModel model = new Ext4Like();

    @Test
    void renameNoFsyncCanLeaveTheEntryRenamedButEmpty() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        // a size committed ahead of the data of blocks mapped unwritten reads as zeros
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{.a.0.tmp=00}", "{a.entry=}", "{a.entry=v1}", "{a.entry=00}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void theEmptyEntryIsExplainedByTheLostWrite() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        List<CrashState> afterReturn = new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 4);
        assertEquals(Set.of("{a.entry=}", "{a.entry=v1}", "{a.entry=00}"), States.render(afterReturn));
        CrashState empty = afterReturn.stream().filter(s -> States.render(s).equals("{a.entry=}")).findFirst().get();
        assertEquals("ext4-like, crash after #3: persisted #0 #2; dropped #1 [exhaustive]", empty.provenance().summary());
    }

    @Test
    void theReferenceFsyncBeforeTheRenameRulesOutAnEmptyEntry() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{.a.0.tmp=00}", "{a.entry=v1}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void withoutADirectoryFsyncTheRenameItselfCanBeLost() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{.a.0.tmp=v1}", "{a.entry=v1}"),
                States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 4)));
    }

    @Test
    void anFsyncOfAFileCreatedAfterARenameCommitsTheRename() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).put(REFERENCE, "b", bytes("v2")).build();
        assertEquals(Set.of("{.b.4.tmp=v2, a.entry=v1}", "{a.entry=v1, b.entry=v2}"),
                States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 8)));
    }

    /** Two files a and b, synced before the workload: the setting of the cases ext4 was measured on. */
    private static Traces twoOld() {
        java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>();
        files.put("a", bytes("olda"));
        files.put("b", bytes("oldb"));
        return Traces.on(new dev.crashlab.faults.trace.Snapshot(new java.util.TreeSet<>(), files));
    }

    private Set<String> afterTheLast(IoTrace trace) {
        return States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), trace.size()));
    }

    @Test
    void aRenameThenAnFsyncOfAnUnchangedFileCanLoseTheRename() {
        // Real ext4: fsync(b) waits only for the transaction of b's last change, long committed.
        IoTrace trace = twoOld().move("a", "c").fsync("b").build();
        assertEquals(Set.of("{a=olda, b=oldb}", "{b=oldb, c=olda}"), afterTheLast(trace));
    }

    @Test
    void anOverwriteARenameThenAnFdatasyncCanLoseTheRename() {
        // fdatasync waits for i_datasync_tid, which an overwrite in place does not move.
        IoTrace trace = twoOld().write("b", 0, bytes("new")).move("a", "c")
                .op(dev.crashlab.faults.trace.OpKind.FSYNC_DATA, "b", null, -1, -1, null).build();
        assertEquals(Set.of("{a=olda, b=newb}", "{b=newb, c=olda}"), afterTheLast(trace));
    }

    @Test
    void aRenameThenAnAppendAndItsFsyncKeepTheRename() {
        IoTrace trace = twoOld().move("a", "c").write("b", 4, bytes("x")).fsync("b").build();
        assertEquals(Set.of("{b=oldbx, c=olda}"), afterTheLast(trace));
    }

    @Test
    void anAppendBeforeTheRenameDoesNotPromiseTheRename() {
        // The append's blocks may have been allocated, and committed, before the rename.
        IoTrace trace = twoOld().write("b", 4, bytes("x")).move("a", "c").fsync("b").build();
        assertEquals(Set.of("{a=olda, b=oldbx}", "{b=oldbx, c=olda}"), afterTheLast(trace));
    }

    private static Traces oneOld() {
        java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>();
        files.put("a", bytes("olda"));
        return Traces.on(new dev.crashlab.faults.trace.Snapshot(new java.util.TreeSet<>(), files));
    }

    @Test
    void autoDaAllocWritesTheDataOfAFileRenamedOverAnotherBeforeTheRename() {
        IoTrace trace = oneOld().create("a.tmp").write("a.tmp", 0, bytes("new")).move("a.tmp", "a").build();
        assertEquals(Set.of("{a=olda}", "{a=olda, a.tmp=}", "{a=olda, a.tmp=new}", "{a=new}"),
                States.render(new CrashStates(trace).atCrashPoint(new Ext4Like(true), Exploration.defaults(), trace.size())));
    }

    @Test
    void withoutAutoDaAllocTheFileRenamedOverAnotherCanBeEmpty() {
        IoTrace trace = oneOld().create("a.tmp").write("a.tmp", 0, bytes("new")).move("a.tmp", "a").build();
        assertEquals(Set.of("{a=olda}", "{a=olda, a.tmp=}", "{a=olda, a.tmp=new}", "{a=olda, a.tmp=000}", "{a=new}", "{a=}",
                "{a=000}"), afterTheLast(trace));
    }

    @Test
    void autoDaAllocDoesNotActOnARenameToANewName() {
        IoTrace trace = Traces.empty().create("a.tmp").write("a.tmp", 0, bytes("new")).move("a.tmp", "a").build();
        assertEquals(Set.of("{}", "{a.tmp=}", "{a.tmp=new}", "{a.tmp=000}", "{a=new}", "{a=}", "{a=000}"),
                States.render(new CrashStates(trace).atCrashPoint(new Ext4Like(true), Exploration.defaults(), trace.size())));
    }

    @Test
    void anAppendWithinTheLastBlockCanPersistItsSizeAsZeros() {
        // The journal commits i_disksize; the block was allocated before, so data=ordered does not wait for it.
        IoTrace trace = oneOld().write("a", 4, bytes("xy")).build(); // the rendering shows a zero byte as 0
        assertEquals(Set.of("{a=olda}", "{a=oldaxy}", "{a=olda00}"), afterTheLast(trace));
    }

    @Test
    void aNewFilesFirstWriteCanPersistAsZerosOfItsLength() {
        // dioread_nolock: the blocks are mapped unwritten with the size, converted in a later transaction.
        IoTrace trace = Traces.empty().create("a").write("a", 0, bytes("xy")).build();
        assertEquals(Set.of("{}", "{a=}", "{a=xy}", "{a=00}"), afterTheLast(trace));
    }

    @Test
    void anAppendIntoNewBlocksCanPersistItsSizeAsZerosButNeverAnEarlierLostWritesSize() {
        byte[] block = new byte[WeakestPosix.DEFAULT_SECTOR_SIZE];
        java.util.Arrays.fill(block, (byte) 'x');
        IoTrace trace = Traces.empty().create("a").write("a", 0, block).write("a", block.length, bytes("y")).build();
        List<CrashState> states = new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), trace.size());
        Set<Long> sizes = new java.util.TreeSet<>();
        for (CrashState s : states) {
            byte[] a = s.contents().files().get("a");
            if (a != null) {
                sizes.add((long) a.length);
                // a size ahead reads zeros, never bytes the file did not hold
                for (byte b : a) {
                    assertEquals(true, b == 0 || b == 'x' || b == 'y', s::toString);
                }
                // the second write's byte never persisted without the first write's bytes
                assertEquals(true, a.length <= block.length || a[block.length] == 0 || a[0] == 'x', s::toString);
            }
        }
        assertEquals(Set.of(0L, (long) block.length, block.length + 1L), sizes);
    }

    @Test
    void aShrinkingTruncateCanLeaveTheOldSizeWithItsTailZeroed() {
        // ext4 zeroes the rest of the new end's block in the page cache; the flusher may write it before the size commits.
        IoTrace trace = Traces.on(new dev.crashlab.faults.trace.Snapshot(new java.util.TreeSet<>(),
                new java.util.TreeMap<>(java.util.Map.of("a", bytes("abcdef"))))).truncate("a", 2).build();
        assertEquals(Set.of("{a=abcdef}", "{a=ab}", "{a=ab0000}"), afterTheLast(trace));
        assertEquals(Set.of("{a=abcdef}", "{a=ab}"), States.render(new CrashStates(trace)
                .atCrashPoint(new Ordered(), Exploration.defaults(), trace.size())));
    }

    @Test
    void aTruncatesZeroedTailCanPersistWhileAnEarlierAppendWasLost() {
        // measured on ext4: the append's size never committed, the truncate's zeroed page was written
        IoTrace trace = oneOld().write("a", 4, bytes("xy")).truncate("a", 2).build();
        assertEquals(true, afterTheLast(trace).contains("{a=ol00}"), () -> afterTheLast(trace).toString());
    }

    @Test
    void aWriteAfterATruncateCanReachTheDiskInTheZeroedPageUnderTheOldSize() {
        // measured on ext4: the page written with the new bytes and the zeros, the size still the old one
        IoTrace trace = oneOld().write("a", 4, bytes("xy")).truncate("a", 1).write("a", 1, bytes("z")).build();
        assertEquals(true, afterTheLast(trace).contains("{a=oz00}"), () -> afterTheLast(trace).toString());
    }

    @Test
    void aTruncateToABlockBoundaryZeroesNothing() {
        byte[] two = new byte[2 * WeakestPosix.DEFAULT_SECTOR_SIZE];
        java.util.Arrays.fill(two, (byte) 'x');
        IoTrace trace = Traces.on(new dev.crashlab.faults.trace.Snapshot(new java.util.TreeSet<>(),
                new java.util.TreeMap<>(java.util.Map.of("a", two)))).truncate("a", WeakestPosix.DEFAULT_SECTOR_SIZE).build();
        List<CrashState> states = new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), trace.size());
        assertEquals(2, states.size(), states::toString);
    }

    @Test
    void aLongUnsyncedLogStaysLinearInOutcomes() {
        Traces t = Traces.empty().create("log");
        for (int i = 0; i < 200; i++) {
            t.write("log", i * 5000L, new byte[5000]);
        }
        IoTrace trace = t.build();
        CrashSpace space = model.space(new CrashStates(trace).facts(), trace.size());
        long outcomes = space.choices().stream().mapToLong(c -> c.outcomes().size()).sum();
        // each of the 201 prefixes, with at most 16 more sizes ahead of it
        assertEquals(true, outcomes <= 201L * 17 + 1, "outcomes: " + outcomes);
    }

    @Test
    void metadataPersistsInOrderSoALaterRenameImpliesTheEarlierOne() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).put(RENAME_NO_FSYNC, "b", bytes("v2"))
                .build();
        for (CrashState state : States.of(trace, model)) {
            boolean b = state.contents().files().containsKey("b.entry");
            boolean a = state.contents().files().containsKey("a.entry");
            assertEquals(true, !b || a, state::toString);
        }
    }
}
