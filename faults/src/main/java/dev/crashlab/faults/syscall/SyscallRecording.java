package dev.crashlab.faults.syscall;

import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Records a command (a child JVM running the writer, or any program) at the system calls, into the
 * I/O trace the JVM recording would give: for writers whose I/O the JVM cannot see (JNI libraries,
 * child processes). Each run is proven complete as {@link Run#checkComplete()} proves the JVM's: the
 * replayed trace must give back the directory the command left, and what could not be decoded
 * (io_uring, AIO, a shared writable map) is listed in {@link RunResult#unseen()} with its call site.
 *
 * <pre>{@code
 * RunResult r = SyscallRecording.in(root).go(List.of("java", "-cp", cp, "com.acme.Writer", root.toString()));
 * }</pre>
 */
public final class SyscallRecording {

    /** The variable a traced child finds the acknowledgements file in ({@link #acknowledge}). */
    static final String ACKS = "CRASHLAB_SYSCALL_ACKS";

    private final Path root;
    private final List<PathMatcher> volatileFiles = new ArrayList<>();
    private long timeoutSeconds = 300;
    private List<String> notJudged = List.of();
    private int unreadStops;

    private SyscallRecording(Path root) {
        this.root = root;
    }

    public static SyscallRecording in(Path root) {
        return new SyscallRecording(root);
    }

    /** Null when strace can record here; else why not, to say in a refusal. */
    public static String unavailable() {
        try {
            StraceCommand.find();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * Files the target rebuilds whenever it opens (SQLite's {@code -shm} wal-index), as globs relative
     * to the root, e.g. {@code "*-shm"}: left out of the trace, so a shared writable map of one is not
     * refused, and listed by {@link #notJudged()}.
     */
    public SyscallRecording volatileFiles(List<String> globs) {
        for (String glob : globs) {
            volatileFiles.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        return this;
    }

    public SyscallRecording timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /**
     * The stops of the last {@link #goStopping} run let go without a reading, as its processes were
     * not seen still: a task asleep where crashlab cannot tell that it waits for a stopped one.
     */
    public int unreadStops() {
        return unreadStops;
    }

    /** The volatile files the last run wrote: no verdict covers them. */
    public List<String> notJudged() {
        return notJudged;
    }

    /**
     * Runs {@code command} under strace with the root's state before it as the trace's start. A
     * command that exits non-zero ends with {@link RunResult#thrown()} saying so, with its output.
     */
    public RunResult go(List<String> command) {
        return record(command, null);
    }

    /**
     * As {@link #go}, with the command's whole process tree held still after each system call that
     * may change what a reader finds under the root (a create, a write, a truncate, a rename, a link,
     * an unlink, a mkdir), while {@code reader} gets the number of operations of the trace so far: the
     * reader sees the files between two calls, as a process reading beside the writer could. Called
     * once per position (a stop after a call outside the root costs no reading), never for position 0
     * (the files before the command: read them before calling this). The run's own trace is not
     * proven complete: the reader may change the files (SQLite's reader removes a stale journal).
     */
    public RunResult goStopping(List<String> command, IntConsumer reader) {
        return record(command, reader);
    }

    private RunResult record(List<String> command, IntConsumer reader) {
        Path log = null;
        Path acks = null;
        Path output = null;
        try {
            StraceCommand strace = StraceCommand.find();
            Path real = root.toRealPath();
            Snapshot before = Snapshot.of(real);
            log = Files.createTempFile("crashlab-strace", ".log");
            acks = Files.createTempFile("crashlab-acks", ".txt");
            output = Files.createTempFile("crashlab-child", ".txt");
            ProcessBuilder pb = new ProcessBuilder(reader == null ? strace.around(log, command)
                    : strace.stopping(log, command)).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = pb.environment();
            env.put(ACKS, acks.toString());
            String cwd = Path.of("").toAbsolutePath().toString();
            Predicate<String> isVolatile = name -> volatileFiles.stream().anyMatch(m -> m.matches(Path.of(name)));
            Kernel kernel = new Kernel(real.toString(), before, cwd, acks.toString(), isVolatile);
            Process p = pb.start();
            Throwable thrown = null;
            StoppedRun stopped = reader == null ? null : new StoppedRun(p, log, kernel, reader);
            boolean finished = reader == null ? p.waitFor(timeoutSeconds, TimeUnit.SECONDS)
                    : stopped.follow(timeoutSeconds);
            unreadStops = stopped == null ? 0 : stopped.unread();
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                thrown = new IllegalStateException("the traced command did not finish within " + timeoutSeconds + " s");
            } else if (p.exitValue() != 0) {
                thrown = new IllegalStateException("the traced command exited with " + p.exitValue() + ": "
                        + tail(Files.readString(output, StandardCharsets.ISO_8859_1)));
            }
            if (reader == null) {
                for (Call call : CallLog.read(log)) {
                    kernel.decode(call);
                }
            }
            IoTrace trace = new IoTrace(before, kernel.ops());
            List<String> unseen = new ArrayList<>(kernel.refused());
            if (thrown == null && unseen.isEmpty() && reader == null) {
                for (String d : Run.differences(trace, real)) {
                    String name = d.substring(0, d.indexOf(':')).replaceAll("/$", "");
                    if (!isVolatile.test(name)) {
                        unseen.add(d + " (replaying the system calls recorded does not give back the directory the"
                                + " command left)");
                    }
                }
            }
            notJudged = kernel.notJudged();
            return new RunResult(trace, null, thrown, null, List.of(), unseen, kernel.acknowledgements());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record system calls: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording system calls", e);
        } finally {
            for (Path temp : new Path[] {log, acks, output}) {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // a temporary file left behind costs nothing a verdict depends on
                    }
                }
            }
        }
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }

    /**
     * Called by {@link Run#acknowledge} in a traced child: appends the label to the acknowledgements
     * file, a write outside the root that the recording places at the trace position it was made at.
     *
     * @return whether this process is a traced child (false: nothing done)
     */
    public static boolean acknowledge(String label) {
        String file = System.getenv(ACKS);
        if (file == null) {
            return false;
        }
        try {
            Files.write(Path.of(file), (label.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the acknowledgement '" + label + "': " + e.getMessage(), e);
        }
        return true;
    }
}
