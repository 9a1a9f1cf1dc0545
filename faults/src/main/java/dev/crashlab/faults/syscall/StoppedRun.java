package dev.crashlab.faults.syscall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Follows the log of a run under {@link StraceCommand#stopping} while it is written: each call is
 * decoded as it comes, and at each signal strace injected after a call that may change the root,
 * the process tree is held still ({@link HeldTree}), the rest of the log read, and the reader given
 * the trace's position, once per position; then the tree goes on.
 */
final class StoppedRun {

    /** How strace prints the SIGSTOP it injected (a signal sent by a process, ours included, says SI_USER). */
    private static final String INJECTED = "--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_KERNEL";
    /** How long to wait between two looks at a log or a tree that has not moved. */
    private static final long PAUSE_NANOS = 100_000;
    /**
     * How long a stop may take to become still before it is let go unread: a task asleep where
     * crashlab cannot tell that it waits for a stopped one (kernel symbols hidden) must not hold the
     * run until its time is up. Such stops are counted ({@link #unread()}).
     */
    private static final long STILL_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Process strace;
    private final Path log;
    private final Kernel kernel;
    private final IntConsumer reader;
    private final CallLog calls = new CallLog();
    private final byte[] buffer = new byte[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int shown;
    private int unread;
    /** Whether strace injected a signal not handled yet. */
    private boolean stopped;

    StoppedRun(Process strace, Path log, Kernel kernel, IntConsumer reader) {
        this.strace = strace;
        this.log = log;
        this.kernel = kernel;
        this.reader = reader;
    }

    /** @return whether the command ended within the time given (false: it is still running) */
    boolean follow(long timeoutSeconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean done = false;
        try (HeldTree tree = new HeldTree(strace.toHandle()); InputStream in = Files.newInputStream(log)) {
            while (System.nanoTime() < deadline) {
                boolean ended = !strace.isAlive();
                int read = read(in);
                if (ended) {
                    done = true;
                    return true;
                }
                if (stopped) {
                    // Even after a call outside the root the whole tree must be still before it goes on:
                    // another task's call under the root may be under way, its own signal merged into this
                    // one, and a SIGCONT now would leave that call with no stop after it.
                    hold(tree, in);
                    stopped = false;
                } else if (read == 0) {
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
            return false;
        } finally {
            if (!done) {
                // a reader that threw, or the time ran out: a stopped tree would otherwise wait for ever
                strace.descendants().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Holds the whole tree still, reads the rest of the log, and gives the reader the new position. */
    private void hold(HeldTree tree, InputStream in) throws IOException {
        tree.stopOthers();
        long giveUp = System.nanoTime() + STILL_WITHIN_NANOS;
        boolean still = tree.still();
        while (!still && System.nanoTime() < giveUp) {
            read(in);
            LockSupport.parkNanos(PAUSE_NANOS);
            still = tree.still();
        }
        read(in); // with the tree still, the log is whole: every call that ran is in it
        stopped = false; // the signals of the calls that ran meanwhile: this stop follows them all
        if (!still) {
            unread++;
        } else if (kernel.position() > shown) {
            shown = kernel.position();
            reader.accept(shown);
        }
        tree.resume();
    }

    /** The stops let go unread, as the tree was not seen still. */
    int unread() {
        return unread;
    }

    /** Decodes the log's new whole lines, noting an injected signal. @return how many lines there were */
    private int read(InputStream in) throws IOException {
        int lines = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                char c = (char) (buffer[i] & 0xff);
                if (c != '\n') {
                    line.append(c);
                    continue;
                }
                String whole = line.toString();
                line.setLength(0);
                lines++;
                if (whole.contains(INJECTED)) {
                    stopped = true;
                } else {
                    Call call = calls.call(whole);
                    if (call != null) {
                        kernel.decode(call);
                    }
                }
            }
        }
        return lines;
    }
}
