package dev.crashlab.benchmarks;

import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.ProviderLoader;
import dev.crashlab.scenarios.api.TargetFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import picocli.CommandLine;

/**
 * {@code crashlab bench --target CLASS --classpath CP}: what each durability option of a user's own
 * writer costs, beside what it keeps. In order, so that a target that cannot be measured costs
 * seconds, not a run: the provider's variants are loaded from the user's class path in a loader of
 * their own; each writer is run once with nothing of crashlab's around it (a writer that needs the
 * instrumentation is refused, {@link CrashCheck#runUninstrumented}); each variant is crash-checked
 * (its verdicts, and its syncs counted in the recorded trace); then JMH times every writer call and
 * the machine's two floors, on the disk and on tmpfs, in forks that never load the agent.
 */
public final class WriterBench {

    /** Each floor writes one page: a small record costs the device a page, and a write + fsync of one is the classic floor. */
    static final int FLOOR_BYTES = 4096;
    /** Where the disk is measured without --dir: in the working directory, made and removed by the run. */
    static final String SCRATCH = "crashlab-bench-data";

    private WriterBench() {
    }

    /**
     * The API entry: as {@code crashlab bench --target providerClass --classpath classpath --out out
     * [--quick]}, with the disk directory beside the benchmarks' classes and tmpfs where there is one.
     *
     * @return the table, as bench.md holds it
     * @throws IllegalArgumentException if the class or the class path is wrong
     * @throws TargetFailedException    if a variant cannot be measured or checked as it is
     */
    public static String run(String providerClass, String classpath, Path out, boolean quick)
            throws IOException, RunnerException {
        BenchCommand c = new BenchCommand();
        List<String> args = new ArrayList<>(List.of("--target", providerClass, "--classpath", classpath, "--out",
                out.toString()));
        if (quick) {
            args.add("--quick");
        }
        new CommandLine(c).parseArgs(args.toArray(String[]::new));
        return measure(c, c.spec.commandLine().getErr());
    }

    static int fromCommandLine(BenchCommand c) throws IOException, RunnerException {
        PrintWriter err = c.spec.commandLine().getErr();
        if (c.target == null) {
            err.println("crashlab bench: --classpath needs --target: it says where the --target class and its code are");
            return 2;
        }
        String builtInOnly = c.verdicts != null ? "--verdicts" : c.sizes != null ? "--sizes"
                : !c.includes.isEmpty() ? "--include" : !c.params.isEmpty() ? "--param" : null;
        if (builtInOnly != null) {
            err.println("crashlab bench: " + builtInOnly + " selects part of the built-in benchmarks; with --target, "
                    + c.target + ".variants() says what to measure");
            return 2;
        }
        String table;
        try {
            table = measure(c, err);
        } catch (IllegalArgumentException e) {
            err.println("crashlab bench: --target " + c.target + ": " + e.getMessage());
            return 2;
        } catch (TargetFailedException e) {
            err.println("crashlab bench: --target " + c.target + ": " + e.getMessage());
            return 2;
        }
        PrintWriter out = c.spec.commandLine().getOut();
        out.println();
        out.println(table);
        out.flush();
        return 0;
    }

    /** Everything in order (see the class comment); returns the table, also written to --out. */
    static String measure(BenchCommand c, PrintWriter progress) throws IOException, RunnerException {
        Profile p = c.quick ? Profile.WRITER_QUICK : Profile.FULL;
        // A user's disk is the one they work on: the working directory's file system, unless --dir says otherwise.
        Path scratch = Path.of(SCRATCH).toAbsolutePath();
        boolean ours = c.disk == null && !Files.exists(scratch);
        Path diskDir = c.diskDir(scratch);
        try {
            return measure(c, p, diskDir, progress);
        } finally {
            if (ours) {
                BenchDirs.delete(diskDir);
            }
        }
    }

    private static String measure(BenchCommand c, Profile p, Path diskDir, PrintWriter progress)
            throws IOException, RunnerException {
        Instant start = Instant.now();
        List<String> media = c.media();
        String classpath = c.classpath == null ? "" : c.classpath;
        List<VariantCheck> checks = new ArrayList<>();
        List<CrashResult> results = new ArrayList<>();
        try (ProviderLoader loader = ProviderLoader.open(classpath)) {
            List<CrashTarget> variants = loader.variants(c.target);
            // Before anything installs the agent in this JVM: "without instrumentation" is then literal.
            for (CrashTarget v : variants) {
                Path root = Files.createTempDirectory(diskDir, "uninstrumented-");
                try {
                    withUserLoader(loader, () -> {
                        CrashCheck.runUninstrumented(v, root);
                        return null;
                    });
                } finally {
                    BenchDirs.delete(root);
                }
            }
            for (CrashTarget v : variants) {
                progress.println("crashlab bench: checking " + v.name() + "...");
                CrashResult result = withUserLoader(loader, () -> CrashCheck.run(v));
                VariantCheck check = VariantCheck.of(result);
                results.add(result);
                progress.println("crashlab bench: " + v.name() + " keeps " + check.holds() + ", " + check.syncs()
                        + " fsync(s) per call (" + result.durationMillis() + " ms)");
                checks.add(check);
            }
        }
        Instant checked = Instant.now();
        Files.createDirectories(c.out);
        Collection<RunResult> measured = BenchCommand.runJmh(
                jmhOptions(c, p, diskDir, media, checks.stream().map(VariantCheck::name).toList()), c.out);
        Instant end = Instant.now();
        WriterCostTable table = WriterCostTables.assemble(c.target, checks, JmhResults.of(measured), media, FLOOR_BYTES);
        String header = String.format("Mode: %s, %d s (the crash checks %d s, the measurements %d s). Machine: %d cores,"
                        + " %s %s, JDK %s. Disk: %s (%s). tmpfs: %s.",
                p.name(), Duration.between(start, end).toSeconds(), Duration.between(start, checked).toSeconds(),
                Duration.between(checked, end).toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version(), diskDir,
                Files.getFileStore(diskDir).type(), media.contains("tmpfs") ? c.tmpfs : "not available");
        String markdown = WriterCostMarkdown.render(table, header);
        WriterCostFiles.write(table, header, markdown, c.out, progress);
        WriterReport.write(results, table, start, Duration.between(start, end).toMillis(), c.out);
        return markdown;
    }

    /** Every variant's writer call and the two floors, in forks told where the media are and which target to load. */
    static ChainedOptionsBuilder jmhOptions(BenchCommand c, Profile p, Path diskDir, List<String> media, List<String> variants) {
        return c.jmhOptions(p, diskDir, media,
                        "-D" + UserWriterCall.TARGET_PROPERTY + "=" + c.target,
                        "-D" + UserWriterCall.CLASSPATH_PROPERTY + "=" + absolute(c.classpath == null ? "" : c.classpath))
                .param("variant", variants.toArray(String[]::new))
                .param("size", Integer.toString(FLOOR_BYTES))
                .include(pattern(WriterCostTables.CALL)).include(pattern(WriterCostTables.WRITE_FSYNC))
                .include(pattern(WriterCostTables.REPLACE));
    }

    /** "UserWriterCall.call" as a JMH include: that benchmark method exactly. */
    private static String pattern(String benchmark) {
        return "\\." + benchmark.replace(".", "\\.") + "$";
    }

    /** The forks start elsewhere: a relative entry must mean what it meant here. */
    private static String absolute(String classpath) {
        List<String> out = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /** As the check runs a user's code: their loader as the context loader (their code may look classes up there). */
    private static <T> T withUserLoader(ProviderLoader loader, Supplier<T> work) {
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        self.setContextClassLoader(loader.classLoader());
        try {
            return work.get();
        } finally {
            self.setContextClassLoader(saved);
        }
    }
}
