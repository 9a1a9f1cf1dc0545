package dev.crashlab.faults.oracle;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strace oracle: every idiom of the {@link Corpus} runs once in one child JVM under
 * {@code strace -f -y}, recorded by crashlab at the same time ({@link TracedChild}); the file
 * operations crashlab recorded must be the system calls the process made on files under the
 * idiom's root, one by one, in {@link FileOps} terms.
 */
class StraceOracleTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyIdiomRecordsTheSystemCallsItMakes() throws Exception {
        return Strace.orSkip(strace -> {
            List<Idiom> corpus = Corpus.all();
            TracedChild traced = TracedChild.run(strace, tmp, corpus);
            OracleReport report = new OracleReport("strace", "# strace oracle on Java " + Runtime.version()
                    + "\n\nLeft: what crashlab recorded; right: the system calls strace saw (FileOps terms).");
            return corpus.stream().map(idiom -> DynamicTest.dynamicTest(idiom.name(),
                    () -> judge(idiom, traced.of(idiom.name()), report)));
        });
    }

    private static void judge(Idiom idiom, TracedChild.Sides sides, OracleReport report) {
        String failure = SideBySide.difference("crashlab recorded", sides.recorded(), "strace saw", sides.kernel());
        if (!sides.problems().isEmpty()) {
            failure = String.join("\n", sides.problems()) + (failure == null ? "" : "\n" + failure);
        }
        String listing = "crashlab's trace:\n" + String.join("\n", sides.listing());
        report.add(idiom.name(), failure == null ? "same operations" : "DIFFERENT",
                (failure == null ? SideBySide.of("crashlab recorded", sides.recorded(), "strace saw", sides.kernel()) : failure)
                        + "\n" + listing);
        KnownGaps.judge(KnownGaps.STRACE, "strace", idiom.name(), failure == null ? null : failure + "\n" + listing);
    }
}
