package dev.crashlab.faults.syscall;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The process tree strace traces, held still while a reader looks at the files: every process
 * stopped (SIGSTOP), and the whole tree known to be still, then continued (SIGCONT).
 *
 * <p>Still means: strace sleeps in {@code wait4} with nothing to report, every task of every traced
 * process is in a stop, and strace did not wake while that was checked (its context switches did not
 * change). A task strace stopped at a system call is only ever held there until strace runs, so
 * with strace asleep and not woken, every stopped task is in the group stop and stays there: no call
 * can run while the reader reads. A state seen by polling alone could be a task at the entry of a
 * write that strace is about to let run.
 */
final class HeldTree implements AutoCloseable {

    private final ProcessHandle strace;
    /** A shell whose builtin kill sends the signals: no process started per signal, hundreds of times a run. */
    private final Process shell;
    private final BufferedWriter toShell;
    private final BufferedReader fromShell;
    /**
     * The traced processes as last listed: listing them scans all of /proc, so it is done when a hold
     * starts and once more when the tree looks still (a process forked meanwhile starts another look).
     */
    private List<ProcessHandle> processes = List.of();

    HeldTree(ProcessHandle strace) throws IOException {
        this.strace = strace;
        this.shell = new ProcessBuilder("bash", "-c", "while read -r s p; do kill -s \"$s\" $p 2>/dev/null; echo; done")
                .redirectErrorStream(true).start();
        this.toShell = new BufferedWriter(new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.US_ASCII));
        this.fromShell = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** The traced processes: strace's descendants. */
    private List<ProcessHandle> traced() {
        return strace.descendants().toList();
    }

    /** Stops every traced process: the one strace stopped at its call is stopped already, the others wherever they are. */
    void stopOthers() throws IOException {
        processes = traced();
        if (processes.size() > 1) {
            signal("STOP", processes);
        }
    }

    void resume() throws IOException {
        signal("CONT", processes);
    }

    private void signal(String name, List<ProcessHandle> processes) throws IOException {
        if (processes.isEmpty()) {
            return;
        }
        toShell.write(name + " " + processes.stream().map(p -> "" + p.pid()).collect(Collectors.joining(" ")) + "\n");
        toShell.flush();
        if (fromShell.readLine() == null) {
            throw new IOException("the shell that sends the traced processes their signals ended");
        }
    }

    /** Whether no traced task can run until {@link #resume()}; also true once strace has ended. */
    boolean still() throws IOException {
        if (!stillAmong(processes)) {
            return false;
        }
        List<ProcessHandle> now = traced();
        if (now.equals(processes)) {
            return true;
        }
        processes = now;
        if (processes.size() > 1) {
            signal("STOP", processes);
        }
        return false;
    }

    private boolean stillAmong(List<ProcessHandle> traced) {
        Idle before = idle();
        if (before == null) {
            return true;
        }
        if (!before.waiting) {
            return false;
        }
        for (ProcessHandle p : traced) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", "" + p.pid(), "task"))) {
                for (Path task : tasks) {
                    char state = state(task.resolve("stat"));
                    if ("tTZX".indexOf(state) < 0 && !(state == 'D' && inVfork(task))) {
                        return false;
                    }
                }
            } catch (IOException e) {
                // the process ended meanwhile: it runs nothing
            }
        }
        Idle after = idle();
        return after == null || after.waiting && after.switches == before.switches;
    }

    /** strace asleep in wait4, and how often it has been switched out so far; null once it ended. */
    private Idle idle() {
        Path proc = Path.of("/proc", "" + strace.pid());
        try {
            long switches = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.contains("ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            boolean waiting = state(proc.resolve("stat")) == 'S' && inWait(proc);
            return new Idle(waiting, switches);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A parent that vforked (the JDK starts a process so) waits, uninterruptibly, for its child to
     * exec or exit; the child is traced, so stopped too: the parent cannot run either.
     */
    private static boolean inVfork(Path task) throws IOException {
        String wchan = Files.readString(task.resolve("wchan")).trim();
        return wchan.equals("kernel_clone") || wchan.contains("vfork");
    }

    private static boolean inWait(Path proc) throws IOException {
        String wchan = Files.readString(proc.resolve("wchan")).trim();
        if (wchan.equals("do_wait")) {
            return true;
        }
        // wchan reads 0 where kernel symbols are hidden: the call strace sleeps in tells the same
        String call = Files.readString(proc.resolve("syscall")).trim().split(" ")[0];
        String arch = System.getProperty("os.arch");
        return call.equals(arch.equals("aarch64") ? "260" : arch.equals("amd64") ? "61" : "wait4");
    }

    /** The state letter of a /proc stat file: after the command's name, which may hold spaces and parentheses. */
    private static char state(Path stat) throws IOException {
        String s = Files.readString(stat);
        return s.charAt(s.lastIndexOf(')') + 2);
    }

    private record Idle(boolean waiting, long switches) {
    }

    @Override
    public void close() {
        shell.destroy();
    }
}
