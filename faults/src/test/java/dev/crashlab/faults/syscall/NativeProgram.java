package dev.crashlab.faults.syscall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A C program of the test resources, built with the system's compiler; the test skips, saying why, without one or without strace. */
final class NativeProgram {

    private NativeProgram() {
    }

    static Path build(String name, Path dir) throws Exception {
        String strace = SyscallRecording.unavailable();
        Assumptions.assumeTrue(strace == null, () -> "system-call recording oracle skipped: " + strace);
        Path source = dir.resolve(name + ".c");
        try (InputStream in = NativeProgram.class.getResourceAsStream("/syscall/" + name + ".c")) {
            Files.write(source, in.readAllBytes());
        }
        Path binary = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("gcc", "-O1", "-o", binary.toString(), source.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("system-call recording oracle skipped: no C compiler (gcc) to build " + name + ".c: "
                    + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("gcc failed on " + name + ".c:\n" + out);
        }
        return binary;
    }
}
