package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import picocli.CommandLine;

/**
 * What the benchmark's forks are told: where the media are and which target to load, all of it
 * (JMH keeps only the last jvmArgsAppend, and a second one once sent the disk's figures to the
 * working directory's target/ whatever --dir said), and only the writer calls and the two floors.
 */
class WriterBenchOptionsTest {

    @Test
    void theForksGetTheDirectoriesAndTheTarget() {
        BenchCommand c = new BenchCommand();
        new CommandLine(c).parseArgs("--target", "com.example.Log", "--classpath", "/libs/log.jar", "--tmpfs", "/dev/shm/x",
                "--quick");
        Options o = WriterBench.jmhOptions(c, Profile.WRITER_QUICK, Path.of("/data/here"), List.of("disk", "tmpfs"),
                List.of("log/a", "log/b")).build();
        assertEquals(List.of("-D" + BenchDirs.DISK_PROPERTY + "=/data/here", "-D" + BenchDirs.TMPFS_PROPERTY + "=/dev/shm/x",
                "-D" + UserWriterCall.TARGET_PROPERTY + "=com.example.Log",
                "-D" + UserWriterCall.CLASSPATH_PROPERTY + "=/libs/log.jar"), List.copyOf(o.getJvmArgsAppend().get()));
        assertEquals(List.of("\\.UserWriterCall\\.call$", "\\.WriteForceFloor\\.writeForceAll$",
                "\\.ReplaceFloor\\.replace$"), o.getIncludes());
        assertEquals(List.of("log/a", "log/b"), List.copyOf(o.getParameter("variant").get()));
        assertEquals(List.of("disk", "tmpfs"), List.copyOf(o.getParameter("fs").get()));
    }
}
