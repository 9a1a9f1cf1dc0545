package example.readme;

// readme: sequence-imports
import dev.crashlab.scenarios.junit.CrashTest;
import dev.crashlab.scenarios.junit.CrashTests;
import dev.crashlab.scenarios.sequence.SequenceResult;
import dev.crashlab.scenarios.sequence.Sequences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
// readme: end

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * docs/property-checks.md as code: the docs' append-only log ({@link Log}) checked by generated
 * operation sequences, and the same log without its fsync, which a one-step sequence breaks.
 */
// CrashTests writes its reports where -Dcrashlab.reports says, which CrashTestsTest sets for a moment.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class PropertyChecksTest {

    /** The log's store handle is its folder: Log's operations take the folder. */
    static Path open(Path root) throws IOException {
        if (!Files.exists(root.resolve("log"))) {
            Log.create(root);
        }
        return root;
    }

    /** The bug of the page's second example: appended, never fsynced, yet acknowledged. */
    static void appendWithoutFsync(Path root, String record) throws IOException {
        try (FileChannel log = FileChannel.open(root.resolve("log"), StandardOpenOption.APPEND)) {
            log.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    static Sequences<Path, List<String>> appends() {
        // readme: sequences
        Sequences<Path, List<String>> log = Sequences.<Path, List<String>>builder("log",
                        PropertyChecksTest::open, root -> { }, ArrayList::new) // open and close the store; a new model
                .reader(Log::read, model -> model)                   // a reader must find what the model holds
                .operation("append", List.of("r1", "r2"), Log::append, List::add) // on the store, on the model
                .reopen()                                            // a step that closes it and opens it again
                .target(t -> t.recovery(Log::truncateTornTail))      // each sequence's target: recovery, models, faults
                .exhaustive(3)                                       // every sequence of up to 3 steps (the default)
                .random(20, 6)                                       // then 20 random ones of 4 to 6 steps
                .seed(1)
                .build();
        // readme: end
        return log;
    }

    @Test
    void theLogHoldsEverySequence() {
        // readme: sequences-run
        SequenceResult result = appends().run();               // result.passedAll(), result.describe(), result.toReport(...)
        // readme: end
        assertTrue(result.passedAll(), result.describe());
        assertEquals(3 + 9 + 27 + 20, result.checked());
    }

    // readme: sequences-junit
    @CrashTest
    Stream<DynamicTest> logSequences() {
        return CrashTests.of(appends());                       // "log: every sequence of up to 3 of 3 steps (39)", ...
    }
    // readme: end

    // readme: sequences-racing
    static Sequences<Path, List<String>> racingAppends() {
        return Sequences.<Path, List<String>>builder("log", PropertyChecksTest::open, root -> { }, ArrayList::new)
                .reader(Log::read, model -> model)
                .operation("append", List.of("r1", "r2"), Log::append, List::add)
                .racing()                                            // a rival appends each sequence's last record meanwhile
                .target(t -> t.recovery(Log::truncateTornTail))
                .exhaustive(2)
                .random(0, 2)
                .build();
    }
    // readme: end

    // readme: sequences-write-once
    static Sequences<Entries, Map<String, String>> entries(Sequences.Open<Entries> open) { // Entries::open, or the bug
        return Sequences.<Entries, Map<String, String>>builder("entries", open, Entries::close, TreeMap::new)
                .reader(Entries::read, model -> model)
                .operation("put", List.of("a", "b"), List.of("1", "2"), Entries::put, (model, key, value) -> {
                    if (model.putIfAbsent(key, value) != null) {   // a refused put leaves the model as it was
                        throw new IllegalStateException(key + " is written already"); // so the store must fail it
                    }
                })
                .writeOnce()                                         // G4, judged with a racing writer
                .exhaustive(2)
                .random(0, 2)
                .build();
    }
    // readme: end

    @Test
    void twoWritersAppendingToTheLogIsNoFalseAlarm() {
        SequenceResult result = racingAppends().run();
        assertTrue(result.passedAll(), result.describe());
        assertEquals(2 + 4, result.checked());
    }

    @Test
    void aCheckThenRenameLosesARivalsPut() {
        // Entries::open holds every sequence: RacingSequencesTest
        SequenceResult renamed = entries(Entries::openCheckThenAct).run();
        assertEquals(List.of("put(a, 1)"), renamed.failed().orElseThrow().minimal(), renamed.describe());
        assertTrue(renamed.describe().contains("G4 write-once, race: violated"), renamed.describe());
    }

    @Test
    void withoutItsFsyncOneAppendIsEnough() {
        SequenceResult result = Sequences.<Path, List<String>>builder("unsynced-log",
                        PropertyChecksTest::open, root -> { }, ArrayList::new)
                .reader(Log::read, model -> model)
                .operation("append", List.of("r1", "r2"), PropertyChecksTest::appendWithoutFsync, List::add)
                .reopen()
                .build().run();
        assertEquals(List.of("append(r1)"), result.failed().orElseThrow().minimal(), result.describe());
    }
}
