package dev.crashlab.faults.run;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Appends the operations that happened, each with its thread and the target's source line. */
final class Recorder {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource HARNESS = Recorder.class.getProtectionDomain().getCodeSource();
    private static final String[] PLATFORM = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
        "com.google.common.jimfs.", "net.bytebuddy.", "dev.crashlab.faults.agent.boot."};
    private static final ClassValue<Boolean> IS_TARGET = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (String prefix : PLATFORM) {
                if (type.getName().startsWith(prefix)) {
                    return false;
                }
            }
            if (type.getName().startsWith("dev.crashlab.store.")) {
                return true; // the reference store is the campaign's target, even bundled in one jar with the harness
            }
            // the harness's own classes, but not tests that live in the same packages
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return HARNESS == null || source == null || !Objects.equals(source.getLocation(), HARNESS.getLocation());
        }
    };

    private final List<IoOp> ops = new ArrayList<>();
    private final List<dev.crashlab.faults.trace.Acknowledgement> acknowledgements = new ArrayList<>();
    /** Package prefixes of libraries the user marked as not theirs: a site is the user's frame that called them. */
    private final List<String> notMine;

    Recorder(List<String> notMine) {
        this.notMine = List.copyOf(notMine);
    }

    synchronized int size() {
        return ops.size();
    }

    /** An operation on names: a create, move, link, delete or mkdir. */
    synchronized void add(OpKind kind, String path, String target, long offset, long length, byte[] data,
                          boolean atomic) {
        ops.add(new IoOp(ops.size(), kind, path, target, offset, length, data, atomic,
                Thread.currentThread().getName(), site()));
    }

    /** An operation through an open handle, which acts on the file the handle was opened on. */
    synchronized void add(OpKind kind, Handles.Handle handle, long offset, long length, byte[] data) {
        ops.add(new IoOp(ops.size(), kind, handle.path, null, offset, length, data, false,
                Thread.currentThread().getName(), site(), handle.opened, kind == OpKind.WRITE && handle.durable));
    }

    synchronized List<IoOp> ops() {
        return List.copyOf(ops);
    }

    /** What the target acknowledged, at the trace position it had reached: what a later crash must not lose. */
    synchronized void acknowledge(String label) {
        acknowledgements.add(new dev.crashlab.faults.trace.Acknowledgement(ops.size(), label));
    }

    synchronized List<dev.crashlab.faults.trace.Acknowledgement> acknowledgements() {
        return List.copyOf(acknowledgements);
    }

    /**
     * The first frame of the target's own code on this thread, e.g. "com.acme.Cache.save(Cache.java:42)":
     * not the JDK's, not crashlab's, and not a library's the user marked as not theirs.
     */
    String site() {
        return WALKER.walk(frames -> frames
                .filter(f -> IS_TARGET.get(f.getDeclaringClass()) && !mine(f.getClassName()))
                .findFirst()
                .map(f -> SITES.get(f.getDeclaringClass()).computeIfAbsent(
                        new Frame(f.getMethodName(), f.getDescriptor(), f.getByteCodeIndex()),
                        k -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                                + f.getLineNumber() + ")"))
                .orElse(null));
    }

    /**
     * A call site's text by its method and bytecode index, per class: a frame's file and line cost
     * the JVM a lookup of its line table each time, for each of the hundreds of thousands of
     * operations a campaign records from a few dozen sites.
     */
    private static final ClassValue<Map<Frame, String>> SITES = new ClassValue<>() {
        @Override
        protected Map<Frame, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** A place in a method: overloads share a name, not a descriptor. */
    private record Frame(String method, String descriptor, int bytecodeIndex) {
    }

    private boolean mine(String className) {
        for (String prefix : notMine) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
