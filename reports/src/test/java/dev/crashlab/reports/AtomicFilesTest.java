package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void reportFilesGetTheUmasksPermissionsLikeAnyOtherFile(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain"));

        Reports.write(SampleResults.passing(), dir);

        for (String name : new String[] {"report.json", "report.html", "summary.md", "junit.xml"}) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve(name)), name);
        }
    }
}
