package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The active run, as the advice sees it: decides whether a call is in scope, turns it into an
 * operation, lets the plan act on it and records it.
 *
 * <p>A per-thread guard makes the interception re-entrant: while one intercepted call is in
 * progress on a thread, the calls the JDK makes underneath it (FileOutputStream.close closing its
 * channel, the harness's own existence checks) are passed through untouched.
 */
final class Interceptor implements IoDispatch.Hook {

    private final Scope scope;
    private final FaultPlan plan;
    private final boolean onlyRunThreads;
    private final boolean watchesMemory;
    private final Recorder recorder = new Recorder();
    private final Handles handles = new Handles();
    private final ThreadLocal<int[]> guard = ThreadLocal.withInitial(() -> new int[1]);
    private final InheritableThreadLocal<Boolean> runThread = new InheritableThreadLocal<>();
    private final Set<Thread> environment = ConcurrentHashMap.newKeySet();
    private final List<Throwable> callbackErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger attemptsAfterDeath = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Set<String> unseen = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private volatile SimulatedCrash crash;

    Interceptor(Scope scope, FaultPlan plan, boolean onlyRunThreads) {
        this.scope = scope;
        this.plan = plan;
        this.onlyRunThreads = onlyRunThreads;
        this.watchesMemory = plan.watchesMemory();
    }

    @Override
    public IoDispatch.Token enter(String method, Object self, Object[] args) throws Throwable {
        if (self instanceof ByteArrayOutputStream && (!watchesMemory || runThread.get() == null)) {
            return null;
        }
        if (!admits()) {
            return null;
        }
        guard();
        try {
            IoDispatch.Token token = classify(method.substring(0, method.indexOf('(')), self, args);
            if (token == null) {
                unguard();
            }
            return token;
        } catch (Throwable t) {
            unguard();
            throw t;
        }
    }

    @Override
    public IoDispatch.Token enterConstructor(String type, Object[] args) throws Throwable {
        if (!admits()) {
            return null;
        }
        // No exit runs if the constructor throws, so the guard is not held across it.
        guard();
        try {
            File file = (File) args[0];
            String rel = scope.relative(file);
            if (rel == null) {
                return null;
            }
            Set<OpenOption> options = new java.util.HashSet<>(List.of(StandardOpenOption.CREATE));
            boolean durable = false;
            if (type.equals("java.io.FileOutputStream")) {
                options.add(StandardOpenOption.WRITE);
                options.add(Boolean.TRUE.equals(args[1]) ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            } else if (((String) args[1]).contains("w")) {
                options.add(StandardOpenOption.WRITE);
                // "rws" and "rwd" open with O_SYNC and O_DSYNC
                durable = ((String) args[1]).contains("s") || ((String) args[1]).contains("d");
            } else {
                options.clear();
            }
            OpenOp open = OpenOp.of(this, rel, file.toPath(), options, durable);
            open.begin();
            return open;
        } finally {
            unguard();
        }
    }

    private boolean admits() {
        Thread current = Thread.currentThread();
        return guard.get()[0] == 0 && !environment.contains(current)
                && (!onlyRunThreads || runThread.get() != null);
    }

    @SuppressWarnings("unchecked")
    private IoDispatch.Token classify(String name, Object self, Object[] args) throws Throwable {
        return switch (name) {
            case "write", "writeBytes" -> write(self, args);
            case "truncate" -> truncate(self, (Long) args[0]);
            case "setLength" -> op(OpKind.TRUNCATE, handles.get(self), (Long) args[0]);
            case "force" -> force(self, Boolean.TRUE.equals(args[0]));
            case "sync" -> descriptorSync(self);
            case "implCloseChannel", "close" -> close(self);
            case "getChannel" -> handles.get(self) == null ? null : new Alias(this, handles.get(self));
            case "newByteChannel", "newFileChannel" -> open((Path) args[0], (Set<? extends OpenOption>) args[1]);
            case "newOutputStream" -> open((Path) args[0], streamOptions((OpenOption[]) args[1]));
            case "move" -> move((Path) args[0], (Path) args[1], (CopyOption[]) args[2]);
            case "copy" -> scope.relative((Path) args[1]) == null ? null
                    : CopyOp.begin(this, (Path) args[0], (Path) args[1], (CopyOption[]) args[2]);
            case "createNewFile" -> createNewFile((File) self);
            case "createTempFile" -> args.length == 3 ? createTempFile((String) args[0], (String) args[1], (File) args[2])
                    : null;
            case "delete", "deleteIfExists" -> self instanceof File file ? delete(file.toPath(), scope.relative(file), true)
                    : delete((Path) args[0], scope.relative((Path) args[0]), name.equals("deleteIfExists"));
            case "mkdir" -> mkdir(((File) self).toPath(), scope.relative((File) self), true);
            case "createDirectory" -> mkdir((Path) args[0], scope.relative((Path) args[0]), false);
            case "createLink" -> link((Path) args[0], (Path) args[1]);
            case "renameTo" -> rename((File) self, (File) args[0]);
            case "map" -> readOnly(args[0]) ? null
                    : unseen(handles.get(self), "memory-mapped for writing: writes through the mapping are not in the trace");
            case "transferFrom" -> unseen(handles.get(self), "written by transferFrom, in native code: not in the trace");
            case "transferTo" -> unseen(handles.get(args[2]), "written by transferTo, in native code: not in the trace");
            case "createSymbolicLink" -> unseen(scope.relative((Path) args[0]),
                    "a symbolic link: the trace does not model links to names");
            case "newAsynchronousFileChannel" -> unseen(scope.relative((Path) args[0]),
                    "opened as an AsynchronousFileChannel: its writes are not in the trace");
            default -> null;
        };
    }

    private IoDispatch.Token write(Object self, Object[] args) throws Throwable {
        if (self instanceof ByteArrayOutputStream) {
            return new WriteOp(this, self, args, WriteOp.Shape.STREAM, bytes(args), -1, null).begin();
        }
        Handles.Handle handle = handles.get(self);
        if (handle == null) {
            return null;
        }
        if (self instanceof FileChannel channel) {
            if (args[0] instanceof ByteBuffer[] buffers) {
                byte[] data = gather(buffers, (Integer) args[1], (Integer) args[2]);
                return new WriteOp(this, self, args, WriteOp.Shape.CHANNEL_GATHER, data, channel.position(), handle).begin();
            }
            byte[] data = remaining((ByteBuffer) args[0]);
            return args.length == 2
                    ? new WriteOp(this, self, args, WriteOp.Shape.CHANNEL_AT, data, (Long) args[1], handle).begin()
                    : new WriteOp(this, self, args, WriteOp.Shape.CHANNEL, data, channel.position(), handle).begin();
        }
        long offset = self instanceof RandomAccessFile file ? file.getFilePointer() : handle.position;
        return new WriteOp(this, self, args, WriteOp.Shape.STREAM, bytes(args), offset, handle).begin();
    }

    private static byte[] bytes(Object[] args) {
        if (args[0] instanceof Integer b) {
            return new byte[] {(byte) (int) b};
        }
        byte[] all = (byte[]) args[0];
        if (args.length == 3) {
            int off = (Integer) args[1];
            return java.util.Arrays.copyOfRange(all, off, off + (Integer) args[2]);
        }
        return all.clone();
    }

    private static byte[] remaining(ByteBuffer src) {
        byte[] data = new byte[src.remaining()];
        src.duplicate().get(data);
        return data;
    }

    private static byte[] gather(ByteBuffer[] buffers, int from, int count) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int i = from; i < from + count; i++) {
            byte[] part = remaining(buffers[i]);
            all.write(part, 0, part.length);
        }
        return all.toByteArray();
    }

    /** A read-only mapping changes nothing on disk: only writable ones (READ_WRITE, PRIVATE is copy-on-write) escape the trace. */
    private static boolean readOnly(Object mode) {
        return mode == FileChannel.MapMode.READ_ONLY || mode == FileChannel.MapMode.PRIVATE;
    }

    /** I/O the instrumentation cannot follow: not recorded, but reported so no one trusts a trace that misses it. */
    IoDispatch.Token unseen(Object where, String what) {
        String path = where instanceof Handles.Handle handle ? handle.path : (String) where;
        if (path != null) {
            unseen.add((path.isEmpty() ? "." : path) + ": " + what + " (at " + Recorder.site() + ")");
        }
        return null;
    }

    private IoDispatch.Token truncate(Object self, long size) throws Throwable {
        Handles.Handle handle = handles.get(self);
        if (handle == null || size >= ((FileChannel) self).size()) {
            return null;
        }
        return op(OpKind.TRUNCATE, handle, size);
    }

    private IoDispatch.Token force(Object self, boolean metadata) throws Throwable {
        Handles.Handle handle = handles.get(self);
        if (handle == null) {
            return null;
        }
        OpKind kind = handle.directory ? OpKind.FSYNC_DIRECTORY : metadata ? OpKind.FSYNC_FILE : OpKind.FSYNC_DATA;
        return op(kind, handle, -1);
    }

    private IoDispatch.Token descriptorSync(Object self) throws Throwable {
        Handles.Handle handle = self instanceof FileDescriptor ? handles.get(self) : null;
        if (handle == null) {
            return null;
        }
        PathOp sync = new PathOp(this, OpKind.FSYNC_FILE, handle.path, false);
        sync.handle = handle;
        sync.descriptorSync = true;
        return sync.begin();
    }

    private IoDispatch.Token close(Object self) throws Throwable {
        Handles.Handle handle = handles.get(self);
        // After a crash, closes (try-with-resources unwinding) pass unrecorded: failing them would
        // only leak the harness's file descriptors, and a close changes nothing that persists.
        if (handle == null || !handle.closeIsWorthRecording() || crash != null) {
            return null;
        }
        return op(OpKind.CLOSE, handle, -1);
    }

    private IoDispatch.Token op(OpKind kind, Handles.Handle handle, long length) throws Throwable {
        if (handle == null) {
            return null;
        }
        PathOp op = new PathOp(this, kind, handle.path, false);
        op.handle = handle;
        op.length = length;
        return op.begin();
    }

    private IoDispatch.Token open(Path path, Set<? extends OpenOption> options) throws Throwable {
        OpenOp open = OpenOp.of(this, scope.relative(path), path, options);
        return open == null ? null : open.begin();
    }

    private static Set<OpenOption> streamOptions(OpenOption[] given) {
        Set<OpenOption> options = new java.util.HashSet<>(List.of(given == null ? new OpenOption[0] : given));
        if (options.isEmpty()) {
            options.add(StandardOpenOption.CREATE);
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        options.add(StandardOpenOption.WRITE);
        return options;
    }

    private IoDispatch.Token move(Path source, Path destination, CopyOption[] options) throws Throwable {
        if (scope.relative(source) == null && scope.relative(destination) == null) {
            return null;
        }
        return new MoveOp(this, source, destination, options).begin();
    }

    private IoDispatch.Token rename(File source, File destination) throws Throwable {
        if (scope.relative(source) == null && scope.relative(destination) == null) {
            return null;
        }
        PathOp move = new PathOp(this, OpKind.MOVE, scope.name(source.toPath()), true);
        move.target = scope.name(destination.toPath());
        move.renameTo = true;
        return move.begin();
    }

    /** java.io creates in native code (createFileExclusively): seen at File.createNewFile. */
    private IoDispatch.Token createNewFile(File file) throws Throwable {
        String rel = scope.relative(file);
        if (rel == null || Files.exists(file.toPath(), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return new PathOp(this, OpKind.CREATE, rel, true).throwing().begin();
    }

    /**
     * File.createTempFile in the run's scope, performed as the JDK performs it (a random name, then
     * an exclusive create) but through File.createNewFile, so the create is seen with its name.
     */
    private IoDispatch.Token createTempFile(String prefix, String suffix, File directory) throws Throwable {
        if (directory == null || scope.relative(directory) == null || prefix == null || prefix.length() < 3) {
            return null;
        }
        checkAlive();
        unguard();
        try {
            File created;
            do {
                created = new File(directory, prefix + Long.toUnsignedString(TEMP_NAMES.nextLong())
                        + (suffix == null ? ".tmp" : suffix));
            } while (!created.createNewFile());
            return new Pending.Replaced(this, created);
        } finally {
            guard();
        }
    }

    private static final java.security.SecureRandom TEMP_NAMES = new java.security.SecureRandom();

    private IoDispatch.Token delete(Path path, String rel, boolean booleanResult) throws Throwable {
        if (rel == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return new PathOp(this, OpKind.DELETE, rel, booleanResult).begin();
    }

    private IoDispatch.Token mkdir(Path path, String rel, boolean booleanResult) throws Throwable {
        if (rel == null || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return new PathOp(this, OpKind.MKDIR, rel, booleanResult).begin();
    }

    private IoDispatch.Token link(Path link, Path existing) throws Throwable {
        if (scope.relative(link) == null && scope.relative(existing) == null) {
            return null;
        }
        PathOp op = new PathOp(this, OpKind.LINK, scope.name(existing), false);
        op.target = scope.name(link);
        return op.begin();
    }

    // ---- services for the operations

    void guard() {
        guard.get()[0]++;
    }

    void unguard() {
        guard.get()[0]--;
    }

    FaultPlan plan() {
        return plan;
    }

    Recorder recorder() {
        return recorder;
    }

    Handles handles() {
        return handles;
    }

    Scope scope() {
        return scope;
    }

    /** Operations are numbered by attempt, so a plan fires once even if the operation it failed is retried. */
    int nextIndex() {
        return attempts.getAndIncrement();
    }

    /** A dead process does no more I/O: every in-scope operation after the crash crashes too. */
    void checkAlive() {
        SimulatedCrash first = crash;
        if (first != null) {
            attemptsAfterDeath.incrementAndGet();
            throw SimulatedCrash.afterDeath(first);
        }
    }

    synchronized SimulatedCrash crashed(SimulatedCrash c) {
        if (crash == null) {
            crash = c;
        }
        return c;
    }

    void pause(int index, Runnable callback) {
        Thread other = new Thread(callback, "crashlab-pause-before-" + index);
        other.setUncaughtExceptionHandler((t, e) -> callbackErrors.add(e));
        environment.add(other);
        other.start();
        boolean interrupted = false;
        while (true) {
            try {
                other.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        environment.remove(other);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void markRunThread() {
        runThread.set(Boolean.TRUE);
    }

    void unmarkRunThread() {
        runThread.remove();
    }

    List<IoOp> ops() {
        return recorder.ops();
    }

    SimulatedCrash crash() {
        return crash;
    }

    int attemptsAfterDeath() {
        return attemptsAfterDeath.get();
    }

    List<String> unseen() {
        synchronized (unseen) {
            return List.copyOf(unseen);
        }
    }

    List<Throwable> callbackErrors() {
        synchronized (callbackErrors) {
            return List.copyOf(callbackErrors);
        }
    }
}
