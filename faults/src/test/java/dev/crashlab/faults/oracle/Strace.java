package dev.crashlab.faults.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** The strace command: whether it can run here, and its command line around a child's. */
final class Strace {

    /** The calls that change files, the ones that move a descriptor's position, and those that name descriptors. */
    static final String CALLS = "open,openat,creat,rename,renameat,renameat2,link,linkat,unlink,unlinkat,rmdir,mkdir,mkdirat,"
            + "write,writev,pwrite64,pwritev,pwritev2,sendfile,copy_file_range,ftruncate,fsync,fdatasync,"
            + "lseek,close,dup,dup2,dup3,fcntl";

    private final List<String> options;

    private Strace(List<String> options) {
        this.options = options;
    }

    /** The tests of an oracle that needs strace. */
    @FunctionalInterface
    interface Tests {
        Stream<DynamicTest> with(Strace strace) throws Exception;
    }

    /** The tests, or one skipped test saying why strace cannot run here. */
    static Stream<DynamicTest> orSkip(Tests tests) throws Exception {
        Strace strace;
        try {
            strace = find();
        } catch (Unavailable e) {
            System.out.println("strace oracle skipped: " + e.getMessage());
            return Stream.of(DynamicTest.dynamicTest("strace unavailable", () -> Assumptions.abort(e.getMessage())));
        }
        return tests.with(strace);
    }

    /** A working strace (with seccomp-bpf filtering, which keeps the child fast, when it has it). */
    static Strace find() throws Unavailable {
        String why = probe(List.of("--seccomp-bpf"));
        if (why == null) {
            return new Strace(List.of("--seccomp-bpf"));
        }
        String plain = probe(List.of());
        if (plain == null) {
            return new Strace(List.of());
        }
        throw new Unavailable(plain);
    }

    List<String> around(Path log, List<String> child) {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-y"));
        command.addAll(options);
        command.addAll(List.of("-o", log.toString(), "-e", "trace=" + CALLS));
        command.addAll(child);
        return command;
    }

    /** Null if strace traced {@code true} with these options; else why not. */
    private static String probe(List<String> extra) {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq"));
        command.addAll(extra);
        command.addAll(List.of("-o", "/dev/null", "true"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "strace did not finish tracing `true` within a minute";
            }
            return p.exitValue() == 0 ? null : "strace cannot trace here (ptrace not permitted?): exit "
                    + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return "strace is not installed (Debian: apt-get install strace; .ci/run installs it): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing strace";
        }
    }

    static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why);
        }
    }
}
