package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A store whose promise is its commit (and its close): the model says so with acknowledgedBy and
 * closing, and then the correct store holds while one whose commit skips an fsync fails; leaving
 * the close out of the model is a wrong declaration, and the check says so rather than passing.
 */
class CommitKvSequencesTest {

    /** What was committed, and what waits for the next commit. */
    static final class Model {
        Map<String, String> committed = new TreeMap<>();
        final Map<String, String> pending = new TreeMap<>();

        void commit() {
            committed = new TreeMap<>(pending);
        }
    }

    static Sequences.Builder<CommitKv, Model> kv(Sequences.Open<CommitKv> open) {
        return Sequences.builder("commit-kv", open, CommitKv::close, Model::new)
                .reader(CommitKv::read, m -> m.committed)
                .operation("put", KvSequencesTest.KEYS, KvSequencesTest.VALUES, CommitKv::put,
                        (m, k, v) -> m.pending.put(k, v))
                .operation("commit", CommitKv::commit, Model::commit)
                .acknowledgedBy("commit")
                .exhaustive(2)
                .random(5, 4);
    }

    @Test
    void theCorrectStoreHoldsWhenTheModelSaysWhatCommitAndCloseDo() {
        SequenceResult r = kv(CommitKv::open).closing(Model::commit).build().run();
        assertTrue(r.passedAll(), r.describe());
        assertEquals(5 + 25 + 5, r.checked());
    }

    @Test
    void aCommitThatSkipsTheFsyncLosesWhatItAcknowledged() {
        SequenceResult r = kv(CommitKv::openUnsynced).closing(Model::commit).build().run();
        SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError(r.describe()));
        // the writer's close commits too, so one put is enough: the close acknowledged it
        assertEquals(List.of("put(a, 1)"), f.minimal(), r.describe());
        assertTrue(r.describe().contains("acknowledged: #2 close()"), r.describe());
    }

    @Test
    void aModelThatLeavesTheCloseOutFindsTheClosedStoreAheadOfIt() {
        SequenceResult r = kv(CommitKv::open).build().run();
        SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError(r.describe()));
        assertEquals(List.of("put(a, 1)"), f.minimal(), r.describe());
        assertTrue(r.describe().contains("reader saw: {a=1}"), r.describe());
    }
}
