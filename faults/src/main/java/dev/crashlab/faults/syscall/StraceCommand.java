package dev.crashlab.faults.syscall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * strace's command line around a child's: every thread and process it starts ({@code -f}),
 * descriptors printed with their paths ({@code -yy}), every string in hex and whole ({@code -xx},
 * a large {@code -s}), reads printed raw (their position matters, not their bytes: the JVM reads its
 * jars through them), only the calls that change files or say where a descriptor points, filtered
 * in the kernel ({@code --seccomp-bpf}) when strace can, so the child's other calls run at full speed.
 */
final class StraceCommand {

    /** Calls that change files, move a descriptor's position, name descriptors, or start tasks. */
    static final String CALLS = "open,openat,openat2,creat,close,dup,dup2,dup3,fcntl,read,readv,lseek,"
            + "write,writev,pwrite64,pwritev,pwritev2,ftruncate,truncate,fallocate,fsync,fdatasync,sync,syncfs,"
            + "rename,renameat,renameat2,link,linkat,unlink,unlinkat,rmdir,mkdir,mkdirat,symlink,symlinkat,"
            + "copy_file_range,sendfile,splice,tee,vmsplice,ioctl,mmap,io_uring_setup,io_setup,"
            + "clone,clone3,fork,vfork,execve,execveat,chdir,fchdir";

    /**
     * Calls after which a reader may find the root changed: stopping the writer after each shows a
     * reader every state. Not the syncs (they change what survives a crash, not what a reader sees),
     * and not the calls that give up when a signal is pending, as strace's injected one is from the
     * call's entry: copy_file_range and sendfile would be interrupted and restarted for ever, and
     * fallocate on tmpfs would fail with EINTR. What they do is seen at the next stop.
     */
    static final String CHANGING = "open,openat,openat2,creat,write,writev,pwrite64,pwritev,pwritev2,ftruncate,truncate,"
            + "rename,renameat,renameat2,link,linkat,unlink,unlinkat,rmdir,mkdir,mkdirat";

    /** The longest string strace prints whole: a longer write is refused, not cut. */
    static final int LONGEST = 64 << 20;

    // Stacks (-k) would give each call its native function, but unwinding every traced call of a JVM
    // cost SQLite's writer 34 s instead of 0.7 s: the source line is the call and its program.
    private final List<String> options;

    // strace does not come or go while a JVM runs, and each probe starts two processes (7 to 30 ms on
    // two shared cores): a check asked up to four times per writer (can it switch, the recording, the
    // held run). A failed probe is not kept, so its reason is current when a refusal quotes it.
    private static volatile StraceCommand found;

    private StraceCommand(List<String> options) {
        this.options = options;
    }

    /** A working strace, or why there is none. */
    static StraceCommand find() throws IOException {
        StraceCommand known = found;
        if (known != null) {
            return known;
        }
        String why = null;
        for (List<String> options : List.of(List.of("--seccomp-bpf"), List.<String>of())) {
            String problem = probe(options);
            if (problem == null) {
                found = new StraceCommand(options);
                return found;
            }
            why = why == null ? problem : why;
        }
        throw new IOException(why);
    }

    List<String> around(Path log, List<String> child) {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-yy", "-xx", "-s", "" + LONGEST,
                "-e", "signal=none", "-e", "raw=read,readv"));
        command.addAll(options);
        command.addAll(List.of("-o", log.toString(), "-e", "trace=" + CALLS, "--"));
        command.addAll(child);
        return command;
    }

    /**
     * As {@link #around}, and the child's process is stopped (SIGSTOP) once each call of
     * {@link #CHANGING} has run: strace delivers the signal it injects when the call returns, so the
     * call's effect is in the files and its line in the log. Without {@code --seccomp-bpf}: strace
     * 6.1 injects nothing at the stop a seccomp filter makes. The log shows each injected signal
     * ({@code --- SIGSTOP {si_signo=SIGSTOP, si_code=SI_KERNEL} ---}), which is how the recording
     * knows that one came.
     */
    List<String> stopping(Path log, List<String> child) {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-yy", "-xx", "-s", "" + LONGEST,
                "-e", "signal=SIGSTOP", "-e", "raw=read,readv", "-e", "inject=" + CHANGING + ":signal=SIGSTOP",
                "-o", log.toString(), "-e", "trace=" + CALLS, "--"));
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
            return p.exitValue() == 0 ? null : "strace cannot trace here (is ptrace permitted?): exit "
                    + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return "strace is not installed (Debian: apt-get install strace): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing strace";
        }
    }
}
