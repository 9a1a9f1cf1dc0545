package dev.crashlab.faults.syscall;

import java.util.HashMap;
import java.util.Map;

/**
 * A traced thread: its descriptor table and working directory, shared with the threads of its
 * process (or copied into a forked child, as clone's flags say), and the program it runs.
 */
final class Tracee {

    /** An open file description under the root: what dup'ed descriptors and forked children share. */
    static final class Description {
        final Inode inode;
        final String name;
        final int opened;
        final boolean directory;
        final boolean append;
        final boolean writable;
        final boolean durable;
        long position;

        Description(Inode inode, String name, int opened, boolean directory, boolean append, boolean writable,
                    boolean durable) {
            this.inode = inode;
            this.name = name;
            this.opened = opened;
            this.directory = directory;
            this.append = append;
            this.writable = writable;
            this.durable = durable;
        }
    }

    /** The descriptors of a process that name files or directories under the root. */
    static final class Descriptors {
        final Map<Integer, Description> open = new HashMap<>();

        Descriptors copy() {
            Descriptors c = new Descriptors();
            c.open.putAll(open);
            return c;
        }
    }

    Descriptors descriptors;
    String[] cwd;
    String program;
    /** Tasks numbered in the order the log first shows them: the trace's thread names. */
    private final int number;

    Tracee(Descriptors descriptors, String[] cwd, String program, int number) {
        this.descriptors = descriptors;
        this.cwd = cwd;
        this.program = program;
        this.number = number;
    }

    /** E.g. "java #3": the program the task runs, and its number. */
    String label() {
        return program + " #" + number;
    }

    /**
     * Joins a task that made calls before its parent's clone returned (strace prints the clone where
     * it finished): it shares or copies the parent's descriptors and directory, keeping what it opened.
     */
    void adopt(Tracee parent, String flags) {
        Tracee born = parent.child(flags, number);
        if (born.descriptors == parent.descriptors) {
            parent.descriptors.open.putAll(descriptors.open);
        } else {
            born.descriptors.open.putAll(descriptors.open);
        }
        descriptors = born.descriptors;
        cwd = born.cwd;
        program = parent.program;
    }

    /** The task a clone of this one starts, given clone's flags as strace printed them. */
    Tracee child(String flags, int label) {
        boolean thread = flags.contains("CLONE_THREAD");
        Descriptors d = thread || flags.contains("CLONE_FILES") ? descriptors : descriptors.copy();
        String[] dir = thread || flags.contains("CLONE_FS") ? cwd : new String[] {cwd[0]};
        return new Tracee(d, dir, program, label);
    }
}
