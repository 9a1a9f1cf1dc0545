package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strace oracle: every idiom of the {@link Corpus} runs once in one child JVM under
 * {@code strace -f -y}, recorded by crashlab at the same time; the file operations crashlab
 * recorded must be the system calls the process made on files under the idiom's root, one by
 * one, in {@link FileOps} terms. One child for the whole corpus: the instrumentation takes about
 * a second to install in a JVM, the idioms milliseconds each.
 */
class StraceOracleTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyIdiomRecordsTheSystemCallsItMakes() throws Exception {
        Strace strace;
        try {
            strace = Strace.find();
        } catch (Strace.Unavailable e) {
            System.out.println("StraceOracleTest skipped: " + e.getMessage());
            return Stream.of(DynamicTest.dynamicTest("strace unavailable", () -> Assumptions.abort(e.getMessage())));
        }
        List<Idiom> corpus = Corpus.all();
        Path base = Files.createDirectory(tmp.resolve("roots")).toRealPath();
        Path out = Files.createDirectory(tmp.resolve("recorded"));
        Path log = tmp.resolve("strace.log");
        List<String> args = new ArrayList<>(List.of(out.toString(), base.toString()));
        corpus.forEach(i -> args.add(i.name()));
        Process child = new ProcessBuilder(strace.around(log, ChildJvm.command(RecordChild.class, args)))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = child.waitFor(300, TimeUnit.SECONDS);
        Elsewhere.clean(base);
        assertTrue(finished, "the traced child did not finish: " + output);
        assertEquals(0, child.exitValue(), () -> "the traced child failed:\n" + output);
        List<String> calls = StraceLog.read(log);
        OracleReport report = new OracleReport("strace", "# strace oracle on Java " + Runtime.version()
                + "\n\nLeft: what crashlab recorded; right: the system calls strace saw (FileOps terms).");
        return corpus.stream().map(idiom -> DynamicTest.dynamicTest(idiom.name(),
                () -> judge(idiom, base.resolve(idiom.name()), out.resolve(idiom.name() + ".txt"), calls, report)));
    }

    private static void judge(Idiom idiom, Path root, Path recorded, List<String> calls, OracleReport report)
            throws IOException {
        Map<String, List<String>> sections = sections(Files.readAllLines(recorded, StandardCharsets.UTF_8));
        Map<String, Long> filesBefore = new LinkedHashMap<>();
        sections.get("file").forEach(f -> filesBefore.put(f.substring(0, f.lastIndexOf(' ')),
                Long.parseLong(f.substring(f.lastIndexOf(' ') + 1))));
        List<String> kernel;
        String failure;
        try {
            kernel = StraceOps.between(calls, RecordChild.marker("begin", idiom.name()), RecordChild.marker("end", idiom.name()),
                    root, filesBefore, new TreeSet<>(sections.get("dir")));
            failure = SideBySide.difference("crashlab recorded", sections.get("op"), "strace saw", kernel);
        } catch (RuntimeException e) {
            kernel = List.of();
            failure = "reading strace's log failed: " + e;
        }
        if (!sections.get("problem").isEmpty()) {
            failure = String.join("\n", sections.get("problem")) + (failure == null ? "" : "\n" + failure);
        }
        String listing = "crashlab's trace:\n" + String.join("\n", sections.get("listing"));
        report.add(idiom.name(), failure == null ? "same operations" : "DIFFERENT",
                (failure == null ? SideBySide.of("crashlab recorded", sections.get("op"), "strace saw", kernel) : failure)
                        + "\n" + listing);
        KnownGaps.judge(KnownGaps.STRACE, "strace", idiom.name(), failure == null ? null : failure + "\n" + listing);
    }

    /** The child's lines by their first word: op, listing, file, dir, problem. */
    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (String key : List.of("op", "listing", "file", "dir", "problem")) {
            sections.put(key, new ArrayList<>());
        }
        for (String line : lines) {
            int space = line.indexOf(' ');
            sections.get(line.substring(0, space)).add(line.substring(space + 1));
        }
        return sections;
    }
}
