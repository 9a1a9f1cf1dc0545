package dev.crashlab.faults.syscall;

import dev.crashlab.faults.trace.Acknowledgement;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Follows the calls of a traced process tree as the kernel applies them, and emits the operations
 * that touch the root: names bind to inodes, descriptors to open file descriptions (shared by dup
 * and fork, with their positions), so a write lands where the kernel put it and acts on the file,
 * whatever its name is now. What it cannot decode is refused with the call that did it, never
 * skipped.
 */
final class Kernel {

    private final String root;
    private final String acks;
    private final Predicate<String> volatileFile;
    private final Map<String, Inode> names = new TreeMap<>();
    private final Set<String> dirs = new TreeSet<>();
    private final Map<Integer, Tracee> tasks = new HashMap<>();
    private final List<IoOp> ops = new ArrayList<>();
    /** Who made each operation: named once the log is read, as a thread can call before its clone returns. */
    private final List<Tracee> makers = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Acknowledgement> acknowledgements = new ArrayList<>();
    private final Set<String> refused = new LinkedHashSet<>();
    private final Set<String> notJudged = new LinkedHashSet<>();
    private final String cwd;
    private int labels;

    /**
     * @param root         the root's real path: only what lies under it is recorded
     * @param before       what the root held before the command ran
     * @param cwd          the working directory the command started in
     * @param acks         a file outside the root whose appended lines are the target's acknowledgements
     * @param volatileFile names (relative to the root) the target rebuilds when it opens: left out of the trace
     */
    Kernel(String root, Snapshot before, String cwd, String acks, Predicate<String> volatileFile) {
        this.root = root;
        this.cwd = cwd;
        this.acks = acks;
        this.volatileFile = volatileFile;
        dirs.addAll(before.directories());
        before.files().forEach((name, bytes) -> names.put(name, new Inode(bytes)));
    }

    /** The operations, each with its thread and source line as the whole log names them. */
    List<IoOp> ops() {
        List<IoOp> named = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            IoOp o = ops.get(i);
            Tracee t = makers.get(i);
            named.add(new IoOp(o.index(), o.kind(), o.path(), o.target(), o.offset(), o.length(), o.data(), o.atomic(),
                    t.label(), calls.get(i) + "(2) in " + t.program, o.opened(), o.durable()));
        }
        return named;
    }

    List<Acknowledgement> acknowledgements() {
        return acknowledgements;
    }

    /** The calls the recording cannot decode, each with its site: a trace with any is incomplete. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** The volatile files the target wrote, left out of the trace and so of every verdict. */
    List<String> notJudged() {
        return List.copyOf(notJudged);
    }

    /** Applies a call; one this decoder does not understand is refused, as the trace may miss its effect. */
    void decode(Call call) {
        try {
            apply(call);
        } catch (RuntimeException e) {
            refuse(call, "a call the recording could not decode (" + e + "): " + call.name() + " " + call.args() + " = "
                    + call.result());
        }
    }

    void apply(Call call) {
        Tracee task = task(call.tid());
        switch (call.name()) {
            case "clone", "clone3", "fork", "vfork" -> cloned(task, call);
            case "execve", "execveat" -> {
                if (!call.failed()) {
                    String program = Call.path(call.arg(call.name().equals("execve") ? 0 : 1));
                    task.program = program.substring(program.lastIndexOf('/') + 1);
                }
            }
            case "chdir" -> {
                if (!call.failed()) {
                    task.cwd[0] = absolute(task, null, call.arg(0));
                }
            }
            case "fchdir" -> {
                if (!call.failed()) {
                    task.cwd[0] = Call.descriptorPath(call.arg(0));
                }
            }
            default -> {
                if (!call.failed()) {
                    new Effect(this, task, call).apply();
                }
            }
        }
    }

    private void cloned(Tracee task, Call call) {
        if (call.failed() || call.result().startsWith("0")) {
            return;
        }
        int child = (int) call.value();
        String flags = call.name().startsWith("clone") ? String.join(",", call.args()) : "";
        Tracee early = tasks.get(child);
        if (early != null) {
            early.adopt(task, flags);
        } else {
            tasks.put(child, task.child(flags, ++labels));
        }
    }

    private Tracee task(int tid) {
        return tasks.computeIfAbsent(tid, t -> new Tracee(new Tracee.Descriptors(), new String[] {cwd}, "?", ++labels));
    }

    // ---- what Effect uses ----

    /** The absolute path a call names: {@code path} relative to the descriptor {@code dirfd} (or the cwd). */
    String absolute(Tracee task, String dirfd, String quotedPath) {
        String p = Call.path(quotedPath);
        if (!p.startsWith("/")) {
            String base = dirfd == null || Call.descriptor(dirfd) == Call.AT_FDCWD && Call.descriptorPath(dirfd) == null
                    ? task.cwd[0] : Call.descriptorPath(dirfd);
            if (dirfd != null && Call.descriptor(dirfd) == Call.AT_FDCWD && Call.descriptorPath(dirfd) != null) {
                task.cwd[0] = Call.descriptorPath(dirfd); // strace printed the cwd it resolved against
            }
            p = base + "/" + p;
        }
        return Paths.get(p).normalize().toString();
    }

    /** The path relative to the root, "" for the root; null when outside it. */
    String relative(String absolute) {
        if (absolute == null) {
            return null;
        }
        if (absolute.equals(root)) {
            return "";
        }
        return absolute.startsWith(root + "/") ? absolute.substring(root.length() + 1) : null;
    }

    boolean isAcks(String absolute) {
        return acks != null && acks.equals(absolute);
    }

    void acknowledge(byte[] data) {
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                acknowledgements.add(new Acknowledgement(ops.size(), line));
            }
        }
    }

    boolean isVolatile(String rel) {
        if (rel != null && volatileFile.test(rel)) {
            notJudged.add(rel);
            return true;
        }
        return false;
    }

    Map<String, Inode> names() {
        return names;
    }

    Set<String> dirs() {
        return dirs;
    }

    int position() {
        return ops.size();
    }

    void refuse(Call call, String what) {
        refuse(task(call.tid()), call, what);
    }

    void refuse(Tracee task, Call call, String what) {
        refused.add(what + " (at " + site(task, call) + ")");
    }

    void add(Tracee task, Call call, OpKind kind, String path, String target, long offset, long length, byte[] data) {
        made(task, call);
        ops.add(new IoOp(ops.size(), kind, path, target, offset, length, data, kind == OpKind.MOVE, null, null));
    }

    void add(Tracee task, Call call, OpKind kind, Tracee.Description d, long offset, long length, byte[] data) {
        made(task, call);
        ops.add(new IoOp(ops.size(), kind, d.name, null, offset, length, data, false, null, null, d.opened,
                kind == OpKind.WRITE && d.durable));
    }

    private void made(Tracee task, Call call) {
        makers.add(task);
        calls.add(call.name());
    }

    private static String site(Tracee task, Call call) {
        return call.name() + "(2) in " + task.program;
    }

    /** Joins the payloads of an iovec array {@code [{iov_base="..", iov_len=2}, ...]}, up to {@code count} bytes. */
    static byte[] iovecs(String array, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while ((at = array.indexOf("iov_base=\"", at)) >= 0) {
            int end = array.indexOf('"', at + 10);
            out.writeBytes(Call.string(array.substring(at + 9, end + 1)));
            at = end + 1;
        }
        byte[] all = out.toByteArray();
        return all.length <= count ? all : java.util.Arrays.copyOf(all, (int) count);
    }
}
