package dev.crashlab.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A small user target checked from the command line, JVM start included, as a CI job pays it:
 * {@code java -jar crashlab-scenarios-*-cli.jar check --target SettingsTarget --classpath DIR},
 * the class copied alone into DIR as a user's build would leave it. {@code command=version} is the
 * floor: the JVM and the command line doing nothing. The command-line jar is the one the launcher
 * built beside this jar (scenarios/BUILD next to benchmarks/BUILD), or {@code -Dcrashlab.cli.jar}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CliCheck {

    static final String CLI_JAR_PROPERTY = "crashlab.cli.jar";

    @Param({"check", "version"})
    public String command;

    private Path work;
    private Path classes;
    private Path cliJar;

    @Setup(Level.Trial)
    public void open() throws IOException {
        cliJar = cliJar();
        work = Files.createTempDirectory("crashlab-cli-bench-");
        classes = work.resolve("classes");
        String name = SettingsTarget.class.getName().replace('.', '/') + ".class";
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = CliCheck.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + name + " from the benchmarks' own class path");
            }
            Files.copy(in, file);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(work);
    }

    @Benchmark
    public int run() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-jar", cliJar.toString()));
        if (command.equals("check")) {
            cmd.addAll(List.of("check", "--target", SettingsTarget.class.getName(), "--classpath", classes.toString(),
                    "--out", work.resolve("out").toString()));
        } else {
            cmd.add("--version");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile()).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("crashlab " + command + " exited " + exit + ":\n"
                    + Files.readString(work.resolve("log")));
        }
        return exit;
    }

    /** The property's jar, else the command-line jar the launcher builds beside this module's. */
    static Path cliJar() throws IOException {
        String set = System.getProperty(CLI_JAR_PROPERTY);
        if (set != null) {
            return Path.of(set);
        }
        Path here;
        try {
            here = Path.of(CliCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // benchmarks/BUILD/the.jar (or benchmarks/BUILD/classes): the same BUILD folder under scenarios.
        Path build = here.getParent();
        Path scenarios = build.getParent().resolveSibling("scenarios").resolve(build.getFileName());
        if (Files.isDirectory(scenarios)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(scenarios, "crashlab-scenarios-*-cli.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no command-line jar in " + scenarios + ": build it (./crashlab --version does)"
                + " or pass -D" + CLI_JAR_PROPERTY + "=PATH");
    }
}
