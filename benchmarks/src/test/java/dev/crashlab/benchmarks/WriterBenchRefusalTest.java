package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crashlab.faults.run.Run;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crashlab bench --target} refuses, in one line, exit 2 and before anything is measured, a
 * target it cannot price honestly: a writer that needs crashlab's instrumentation to run, variants
 * it cannot tell apart, options that only select built-in benchmarks.
 */
public class WriterBenchRefusalTest {

    private static CrashTarget file(String name, CrashTarget.Action writer) {
        return CrashTarget.builder(name)
                .writer(writer)
                .reader(root -> Files.exists(root.resolve("f")) ? Files.readString(root.resolve("f")) : null, null, "v2")
                .claims(Guarantee.G1)
                .build();
    }

    private static final CrashTarget.Action PLAIN = root -> Files.writeString(root.resolve("f"), "v2");

    /** The second variant records itself: what a benchmark would time is instrumented code. */
    public static class RecordsItself implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return variants().get(0);
        }

        @Override
        public List<CrashTarget> variants() {
            return List.of(file("plain", PLAIN), file("recorded", root -> Run.record(root, () -> PLAIN.run(root))));
        }
    }

    public static class SameNames implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return variants().get(0);
        }

        @Override
        public List<CrashTarget> variants() {
            return List.of(file("log", PLAIN), file("log", PLAIN));
        }
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome bench(Path dir, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true));
        List<String> all = new java.util.ArrayList<>(List.of("--dir", dir.resolve("data").toString(), "--tmpfs", "none",
                "--out", dir.resolve("out").toString()));
        all.addAll(List.of(args));
        return new Outcome(cli.execute(all.toArray(String[]::new)), err.toString());
    }

    @Test
    void aWriterThatNeedsTheInstrumentationIsRefusedBeforeAnythingIsMeasured(@TempDir Path dir) {
        Outcome o = bench(dir, "--target", RecordsItself.class.getName(), "--quick");
        assertEquals(2, o.code(), o.err());
        assertEquals("crashlab bench: --target " + RecordsItself.class.getName() + ": the writer of recorded needs"
                + " crashlab's instrumentation to run: it records itself (it calls into crashlab's recording, a Run or a"
                + " check), so a benchmark would time instrumented code: make the writer your code alone"
                + " (CrashTarget.ack is the one crashlab call it may make)\n", o.err());
        assertFalse(Files.exists(dir.resolve("out/jmh.json")), "nothing was measured");
    }

    @Test
    void variantsOfOneNameAreRefused(@TempDir Path dir) {
        Outcome o = bench(dir, "--target", SameNames.class.getName());
        assertEquals(2, o.code(), o.err());
        assertEquals("crashlab bench: --target " + SameNames.class.getName() + ": its variants are told apart by name,"
                + " and two are named 'log': give each durability option a name of its own, e.g."
                + " CrashTarget.builder(\"log/fsync-per-record\")\n", o.err());
    }

    @Test
    void optionsOfTheBuiltInBenchmarksAreRefusedWithATarget(@TempDir Path dir) {
        Outcome o = bench(dir, "--target", SameNames.class.getName(), "--include", "StorePut");
        assertEquals(2, o.code(), o.err());
        assertEquals("crashlab bench: --include selects part of the built-in benchmarks; with --target, "
                + SameNames.class.getName() + ".variants() says what to measure\n", o.err());
    }

    @Test
    void aClassThatIsNotThereIsAUsageError(@TempDir Path dir) {
        Outcome o = bench(dir, "--target", "com.example.Missing");
        assertEquals(2, o.code(), o.err());
        assertEquals("crashlab bench: --target com.example.Missing: no class com.example.Missing on the class path"
                + " (crashlab's own; none was given); give its binary name, package included, and the jar or directory"
                + " that holds it\n", o.err());
    }
}
