package dev.crashlab.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crashlab bench}: runs the benchmarks and writes JMH's JSON, the cost table and the charts. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures what each durability option costs: the store's puts against the raw syscall floors,",
                "group commit, SQLite and H2 MVStore, and how many crash states the harness checks per second.",
                "Writes jmh.json, cost.md, cost-<medium>.svg/.png, and report.json/report.html/summary.md",
                "(the reports module's rendering of the same rows) to --out; with the Scaling family, scaling.md and",
                "scaling.svg/.png: a check's time against the target's size n (-p n=100,1000 for the large sizes)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "At most 5 minutes: 4 KiB values, one fork, short iterations.")
    boolean quick;

    @Option(names = "--out", description = "Where to write the results (default: ${DEFAULT-VALUE}).", defaultValue = "bench-results")
    Path out;

    @Option(names = "--dir", description = "Directory on the disk to measure (default: bench-data beside the benchmarks jar;"
            + " with --target, crashlab-bench-data in the working directory, removed afterwards).")
    Path disk;

    @Option(names = "--tmpfs", description = "Directory on tmpfs to compare with (default: ${DEFAULT-VALUE}; 'none' to skip).",
            defaultValue = "/dev/shm/crashlab-bench")
    String tmpfs;

    @Option(names = "--include", description = "Only benchmarks matching this regular expression (repeatable), e.g. StorePut|BareProtocolFloor.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--sizes", split = ",", description = "Value sizes in bytes, overriding the mode's (e.g. 64,4096,1048576).")
    List<String> sizes;

    @Option(names = {"-p", "--param"}, description = "A JMH parameter's values, e.g. -p option=NONE,FILE_AND_DIRECTORY (repeatable).")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Option(names = "--forks", description = "JMH forks per benchmark, overriding the mode's.")
    Integer forks;

    @Option(names = "--iterations", description = "Measurement iterations, overriding the mode's.")
    Integer iterations;

    @Option(names = "--iteration-millis", description = "Length of each measurement iteration, overriding the mode's.")
    Integer iterationMillis;

    @Option(names = "--verdicts", paramLabel = "FILE",
            description = "A campaign's report.json (./crashlab check --out DIR writes DIR/report.json): each store put's "
                    + "\"holds\" then comes from its verdicts instead of the claims table's.")
    Path verdicts;

    @Option(names = "--target", paramLabel = "CLASS",
            description = {"Price your own code instead: a CrashTargetProvider whose variants() are its durability options.",
                    "Each variant's writer is timed without instrumentation, beside the machine's floors and what the crash",
                    "check of the same variant found. Writes bench.md, bench.json, bench.html and bench-<medium>.svg/.png."})
    String target;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "With --target: the jars and class directories holding CLASS and the code it runs, separated by ':'.")
    String classpath;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, RunnerException {
        if (target != null || classpath != null) {
            return WriterBench.fromCommandLine(this);
        }
        HeldGuarantees held;
        try {
            // Before the run, not after it: a bad path should cost a second, not a 75-minute run.
            held = verdicts == null ? HeldGuarantees.claims() : HeldGuarantees.read(verdicts);
        } catch (HeldGuarantees.Unusable e) {
            spec.commandLine().getErr().println("crashlab bench: " + e.getMessage());
            return 2;
        }
        Profile p = quick ? Profile.QUICK : Profile.FULL;
        Files.createDirectories(out);
        Path diskDir = diskDir();
        List<String> media = media();
        ChainedOptionsBuilder options = jmhOptions(p, diskDir, media)
                .param("size", (sizes != null ? sizes : p.sizes()).toArray(String[]::new))
                .param("batch", p.batches().toArray(String[]::new))
                .param("puts", p.puts().toArray(String[]::new));
        params.forEach((name, values) -> options.param(name, values.split(",")));
        if (p.throughputToo()) {
            options.mode(Mode.SampleTime).mode(Mode.Throughput);
        }
        includes.forEach(options::include);
        if (includes.isEmpty()) {
            options.include(BenchCommand.class.getPackageName() + "\\.");
            // a user's writer and its floor are measured with --target alone
            options.exclude(UserWriterCall.class.getSimpleName()).exclude(ReplaceFloor.class.getSimpleName());
        }
        Instant start = Instant.now();
        Collection<RunResult> results = runJmh(options, out);
        Duration took = Duration.between(start, Instant.now());

        Measurements measured = JmhResults.of(results);
        List<CostTable> tables = CostTables.from(measured, held);
        String header = String.format("Mode: %s, %d s. Machine: %d cores, %s %s, JDK %s. Disk: %s (%s). tmpfs: %s.",
                p.name(), took.toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), Runtime.version(), diskDir, Files.getFileStore(diskDir).type(),
                media.contains("tmpfs") ? tmpfs : "not available");
        Path md = out.resolve("cost.md");
        Files.writeString(md, MarkdownReport.render(tables, HarnessFigure.from(measured), header, notes(), held));
        writeCharts(tables, media);
        ReportsExport.write(tables, start, took.toMillis(), out);
        System.out.println();
        System.out.println(Files.readString(md));
        writeScaling(ScalingCurve.from(measured), header);
        System.out.println("Wrote jmh.json, jmh.log, cost.md, cost-*.svg/.png, report.json, report.html and summary.md to "
                + out.toAbsolutePath() + " (" + took.toSeconds() + " s).");
        return results.isEmpty() ? 1 : 0;
    }

    /** The directory on the disk to measure, made if missing. */
    Path diskDir() throws IOException {
        return diskDir(defaultDiskDir());
    }

    /** As {@link #diskDir()}, {@code fallback} where --dir was not given. */
    Path diskDir(Path fallback) throws IOException {
        Path dir = (disk != null ? disk : fallback).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    /** "disk", and "tmpfs" where this machine has one and it was not turned off. */
    List<String> media() {
        List<String> media = new ArrayList<>(List.of("disk"));
        if (!tmpfs.equals("none") && Files.isDirectory(Path.of(tmpfs).getParent())) {
            media.add("tmpfs");
        }
        return media;
    }

    /**
     * The mode's lengths (or the options overriding them), the media and where their directories are.
     * The forks' system properties go here, with {@code moreProperties}: JMH keeps only the last
     * jvmArgsAppend, so a second call would drop the directories.
     */
    ChainedOptionsBuilder jmhOptions(Profile p, Path diskDir, List<String> media, String... moreProperties) {
        List<String> properties = new ArrayList<>(List.of("-D" + BenchDirs.DISK_PROPERTY + "=" + diskDir,
                "-D" + BenchDirs.TMPFS_PROPERTY + "=" + tmpfs));
        properties.addAll(List.of(moreProperties));
        return new OptionsBuilder()
                .param("fs", media.toArray(String[]::new))
                .forks(forks != null ? forks : p.forks())
                .warmupIterations(p.warmupIterations())
                .warmupTime(TimeValue.milliseconds(p.warmupMillis()))
                .measurementIterations(iterations != null ? iterations : p.measurementIterations())
                .measurementTime(TimeValue.milliseconds(iterationMillis != null ? iterationMillis : p.measurementMillis()))
                .jvmArgsAppend(properties.toArray(String[]::new));
    }

    /** Runs JMH, its results to out/jmh.json and its own output to out/jmh.log, a line per benchmark on stderr. */
    static Collection<RunResult> runJmh(ChainedOptionsBuilder options, Path out) throws IOException, RunnerException {
        options.result(out.resolve("jmh.json").toAbsolutePath().toString()).resultFormat(ResultFormatType.JSON);
        Path jmhLog = out.resolve("jmh.log").toAbsolutePath();
        try (PrintStream logFile = new PrintStream(Files.newOutputStream(jmhLog), true, StandardCharsets.UTF_8)) {
            OutputFormat format = new ProgressOutput(OutputFormatFactory.createFormatInstance(logFile, VerboseMode.NORMAL),
                    System.err, jmhLog.toString());
            return new Runner(options.build(), format).run();
        }
    }

    /** The Scaling family's time against n, when it ran: scaling.md, scaling.svg and .png, and the table on stdout. */
    private void writeScaling(java.util.Map<String, List<ScalingCurve.Point>> curves, String header) throws IOException {
        if (curves.isEmpty()) {
            return;
        }
        String table = ScalingCurve.markdown(curves, header);
        Files.writeString(out.resolve("scaling.md"), table);
        try {
            ScalingCurve.chart(curves, out);
        } catch (RuntimeException | Error e) {
            System.err.println("crashlab bench: no chart on this machine (" + e + "); scaling.md has every figure.");
        }
        System.out.println(table);
    }

    private void writeCharts(List<CostTable> tables, List<String> media) throws IOException {
        try {
            for (String fs : media) {
                CostChart.write(tables, fs, out, "cost-" + fs);
            }
        } catch (RuntimeException | Error e) {
            // Java2D without fonts (a bare container) throws from deep inside; the table matters
            // more than the chart, so the run still writes everything else.
            System.err.println("crashlab bench: no chart on this machine (" + e + "); cost.md has every figure.");
        }
    }

    static List<String> notes() {
        return List.of(
                "Figures from a shared machine are noisy: other builds compete for the two cores and the disk. "
                        + "Compare rows of one run, not runs of different days; where means and medians disagree, "
                        + "the tail (another process's I/O, writeback, descheduling) is speaking.");
    }

    /** bench-data beside the jar (or the classes directory): inside the build's output directory. */
    static Path defaultDiskDir() {
        try {
            Path code = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("bench-data");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "bench-data");
        }
    }
}
