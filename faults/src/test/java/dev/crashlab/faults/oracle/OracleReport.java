package dev.crashlab.faults.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What an oracle found, per idiom, written next to the build's test classes (target/oracle/ or the
 * build directory's equivalent) so that a failing run can be read in full, not only its first
 * assertion.
 */
final class OracleReport {

    private final Path file;

    OracleReport(String name, String header) {
        this.file = buildDirectory().resolve("oracle").resolve(name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, header + "\n\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    synchronized void add(String idiom, String verdict, String details) {
        try {
            Files.writeString(file, "## " + idiom + ": " + verdict + "\n\n" + (details == null ? "" : "```\n" + details + "\n```\n\n"),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path buildDirectory() {
        try {
            return Path.of(OracleReport.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
