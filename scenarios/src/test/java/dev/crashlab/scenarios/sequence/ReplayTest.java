package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure's replay token names its sequence: it replays with no seed and no walk. */
class ReplayTest {

    static Sequences<Kv, java.util.Map<String, String>> inPlace() {
        return KvSequencesTest.kv(Kv::openInPlace).exhaustive(0).random(50, 8).seed(11)
                .target(b -> b.models(List.of(new ProcessCrash()))).build();
    }

    @Test
    void theTokenReplaysTheCounterexampleAndTheSameSeedGivesTheSameRun() {
        SequenceResult first = inPlace().run();
        SequenceResult.Failure f = first.failed().orElseThrow();
        CrashResult again = inPlace().replay(f.replay()).orElseThrow(() -> new AssertionError("did not reproduce: "
                + f.replay()));
        assertEquals(Status.VIOLATED, again.verdicts().get(0).status());
        assertEquals(f.replay(), again.verdicts().get(0).counterexample().seed());

        SequenceResult second = inPlace().run();
        assertEquals(f.found(), second.failed().orElseThrow().found());
        assertEquals(f.replay(), second.failed().orElseThrow().replay());
        assertEquals(first.checked(), second.checked());
    }

    @Test
    void theSequenceAloneReplaysTheWholeCheckAndAFixedStoreNoLonger() {
        String sequence = "kv+put-0-0+put-0-0+compact";
        assertTrue(inPlace().replay(sequence).isPresent());
        var fixed = KvSequencesTest.kv(Kv::open).target(b -> b.models(List.of(new ProcessCrash()))).build();
        assertFalse(fixed.replay(sequence).isPresent());
        assertFalse(fixed.replay(sequence + ":0:process-crash:1").isPresent());
    }

    @Test
    void aTokenOfAnotherCheckOrWithAStepThatDoesNotExistSaysWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> inPlace().replay("log+put-0-0:0:process-crash:1"));
        assertTrue(e.getMessage().contains("is not a sequence of kv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> inPlace().replay("kv+put-0-7"));
        assertTrue(e.getMessage().contains("'put-0-7' names no operation"), e.getMessage());
    }
}
