package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterexampleTextTest {

    private static List<String> traceLines(CrashPosition position) {
        String text = SampleResults.cx(5, "put(k1, 'v1', FILE)", "k1", "saw", position).describe();
        return text.lines().dropWhile(l -> !l.equals("I/O trace:")).skip(1).takeWhile(l -> l.startsWith("  "))
                .toList();
    }

    @Test
    void aCrashBeforeAnOperationIsMarkedAboveIt() {
        List<String> lines = traceLines(CrashPosition.BEFORE);
        assertEquals("  --> crash here (before #4)", lines.get(4));
        assertTrue(lines.get(5).startsWith("  x #4   MOVE"), lines.get(5));
    }

    @Test
    void aTornWriteIsMarkedBelowThePartialOperation() {
        List<String> lines = traceLines(CrashPosition.INSIDE);
        assertTrue(lines.get(1).startsWith("  ~ #1   WRITE           .k1.tmp-1f2e @0 +11 bytes"), lines.get(1));
        assertTrue(lines.get(1).endsWith("[partial]"), lines.get(1));
        assertEquals("  --> crash here (inside #1: 7 of 11 bytes reached the file)", lines.get(2));
        assertTrue(lines.get(3).startsWith("  x #2"), lines.get(3));
    }

    @Test
    void aPowerFailureShowsWhatPersistedWasDroppedOrTorn() {
        String text = SampleResults.cx(5, "put(k1, 'v1', FILE)", "k1", "k1 is empty", CrashPosition.AFTER).describe();
        assertTrue(text.contains("    #2   FSYNC_FILE      .k1.tmp-1f2e  at Store.put(Store.java:92)  [dropped]"), text);
        assertTrue(text.contains("  --> crash here (after #4: power failure after the rename)\n  x #5"), text);
        assertTrue(text.contains("crash state: persisted #0 #3 #4; dropped #2; torn #1 (sector 0 kept, rest zeroed)"));
        assertTrue(text.contains("reader saw: k1 is empty\nallowed:    absent | 'v1' (complete)\n"), text);
        assertTrue(text.endsWith("replay:     ./crashlab replay 5\n"), text);
    }

    @Test
    void aUserTargetsTokenIsReplayedThroughTheApiAndACampaignsByTheCommand() {
        Counterexample cx = SampleResults.cx(5, "save(v2)", "k1", "k1 is empty", CrashPosition.AFTER);
        Counterexample user = new Counterexample("checkpoint:1:ext4-like:3", cx.fault(), cx.workload(), cx.trace(),
                cx.crashPoint(), cx.provenance(), cx.readerSaw(), cx.allowed(), cx.sourceLine());
        assertEquals("CrashCheck.replay(target, \"checkpoint:1:ext4-like:3\")", user.replayCommand());
        Counterexample campaign = new Counterexample("20261122:stream-to-final:0:process-crash:1", cx.fault(),
                cx.workload(), cx.trace(), cx.crashPoint(), cx.provenance(), cx.readerSaw(), cx.allowed(), cx.sourceLine());
        assertEquals("./crashlab replay 20261122:stream-to-final:0:process-crash:1", campaign.replayCommand());
        Counterexample sequence = new Counterexample("kv+put-0-0+compact:0:race:2", cx.fault(), cx.workload(), cx.trace(),
                cx.crashPoint(), cx.provenance(), cx.readerSaw(), cx.allowed(), cx.sourceLine());
        assertEquals("sequences.replay(\"kv+put-0-0+compact:0:race:2\")", sequence.replayCommand(),
                "a generated sequence's target is rebuilt from its token by the sequence check, not held by the user");
        assertTrue(sequence.describe().endsWith("replay:     sequences.replay(\"kv+put-0-0+compact:0:race:2\")\n"));
    }

    @Test
    void underTheConcurrentReaderTheMarkerIsAPauseNotACrash() {
        Counterexample cx = SampleResults.cx(5, "put(k1, 'v1', FILE)", "k1", "torn", CrashPosition.BEFORE);
        String text = cx.describe(Context.CONCURRENT_READER);
        assertTrue(text.contains("pause point: before #4\n"), text);
        assertTrue(text.contains("  --> writer paused here, reader ran (before #4)\n"), text);
        assertTrue(cx.describe().contains("  --> crash here (before #4)\n"));
    }
}
