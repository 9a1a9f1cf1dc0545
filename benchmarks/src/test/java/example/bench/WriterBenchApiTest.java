package example.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.benchmarks.WriterBench;
import dev.crashlab.benchmarks.WriterBenchRefusalTest;
import dev.crashlab.scenarios.api.TargetFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API entry refuses as the command line does: with the reason, before anything is measured. */
class WriterBenchApiTest {

    @Test
    void aWriterThatNeedsTheInstrumentationIsRefused(@TempDir Path out) {
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> WriterBench.run(
                WriterBenchRefusalTest.RecordsItself.class.getName(), "", out, true));
        assertTrue(e.getMessage().startsWith("the writer of recorded needs crashlab's instrumentation to run"),
                e.getMessage());
        assertFalse(Files.exists(out.resolve("jmh.json")), "nothing was measured");
    }

    @Test
    void aWrongClassPathIsAnIllegalArgument(@TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WriterBench.run(
                "com.example.Log", out.resolve("missing.jar").toString(), out, true));
        assertTrue(e.getMessage().endsWith("missing.jar does not exist"), e.getMessage());
    }
}
