package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an advised JDK call (by method name, receiver and arguments) into the operation it makes,
 * or null when it changes nothing in scope. The names are those EntryPoints advises.
 */
final class Calls {

    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private final ActiveRun run;

    Calls(ActiveRun run) {
        this.run = run;
    }

    @SuppressWarnings("unchecked")
    IoDispatch.Token decode(String name, Object self, Object[] args) throws Throwable {
        Scope scope = run.scope();
        return switch (name) {
            case "write", "writeBytes", "writeChars" -> write(name, self, args);
            case "truncate" -> truncate(self, (Long) args[0]);
            case "setLength" -> onHandle(OpKind.TRUNCATE, run.handles().get(self), (Long) args[0]);
            case "force" -> force(self, Boolean.TRUE.equals(args[0]));
            case "sync" -> descriptorSync(self);
            case "implCloseChannel", "close" -> close(self);
            case "getChannel" -> run.handles().get(self) == null ? null : new Alias(run, run.handles().get(self));
            case "newByteChannel", "newFileChannel" -> deletesOnClose(self, args)
                    ? openThenUnlink(name, (java.nio.file.spi.FileSystemProvider) self, (Path) args[0],
                            (Set<? extends OpenOption>) args[1], (java.nio.file.attribute.FileAttribute<?>[]) args[2])
                    : open((Path) args[0], (Set<? extends OpenOption>) args[1]);
            case "newOutputStream" -> open((Path) args[0], streamOptions((OpenOption[]) args[1]));
            case "move" -> move((Path) args[0], (Path) args[1], (CopyOption[]) args[2]);
            case "copy" -> scope.relative((Path) args[1]) == null ? null
                    : CopyOp.begin(run, (Path) args[0], (Path) args[1], (CopyOption[]) args[2]);
            case "createNewFile" -> createNewFile((File) self);
            case "createTempFile" -> args.length == 3 ? createTempFile((String) args[0], (String) args[1], (File) args[2])
                    : null;
            case "delete", "deleteIfExists" -> self instanceof File file
                    ? entry(OpKind.DELETE, file.toPath(), scope.relative(file), EntryOp.Result.BOOLEAN, true)
                    : entry(OpKind.DELETE, (Path) args[0], scope.relative((Path) args[0]),
                            name.equals("deleteIfExists") ? EntryOp.Result.BOOLEAN : EntryOp.Result.VOID, true);
            case "mkdir" -> entry(OpKind.MKDIR, ((File) self).toPath(), scope.relative((File) self),
                    EntryOp.Result.BOOLEAN, false);
            case "createDirectory" -> entry(OpKind.MKDIR, (Path) args[0], scope.relative((Path) args[0]),
                    EntryOp.Result.VOID, false);
            case "createLink" -> link((Path) args[0], (Path) args[1]);
            case "renameTo" -> renameTo((File) self, (File) args[0]);
            case "map" -> readOnly(args[0]) ? null : blind(run.handles().get(self),
                    "memory-mapped for writing: writes through the mapping are not in the trace");
            case "transferFrom" -> blind(run.handles().get(self), "written by transferFrom, in native code: not in the trace");
            case "transferTo" -> blind(run.handles().get(args[2]), "written by transferTo, in native code: not in the trace");
            case "createSymbolicLink" -> blind(scope.relative((Path) args[0]),
                    "a symbolic link: the trace does not model links to names");
            case "newAsynchronousFileChannel" -> blind(scope.relative((Path) args[0]),
                    "opened as an AsynchronousFileChannel: its writes are not in the trace");
            default -> null;
        };
    }

    /**
     * FileOutputStream's and RandomAccessFile's constructors open the file they are given; a
     * FileOutputStream made from a descriptor writes to that descriptor's file.
     */
    IoDispatch.Token construct(String type, Object[] args) throws Throwable {
        if (args[0] instanceof FileDescriptor descriptor) {
            Handles.Handle handle = run.handles().get(descriptor);
            return handle == null ? null : new Alias(run, handle);
        }
        File file = (File) args[0];
        String rel = run.scope().relative(file);
        if (rel == null) {
            return null;
        }
        Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.CREATE));
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
        OpenOp open = OpenOp.of(run, rel, file.toPath(), options, durable);
        open.begin();
        return open;
    }

    private IoDispatch.Token write(String name, Object self, Object[] args) throws Throwable {
        Handles.Handle handle = self instanceof ByteArrayOutputStream ? null : run.handles().get(self);
        if (handle == null && !(self instanceof ByteArrayOutputStream)) {
            return null;
        }
        WriteCall call = WriteCall.of(name, self, args);
        if (call == null) {
            return null;
        }
        return handle == null ? new MemoryWriteOp(run, call).begin()
                : new WriteOp(run, call, call.position(handle.position), handle).begin();
    }

    /** A read-only mapping changes nothing on disk (PRIVATE is copy-on-write): only READ_WRITE escapes the trace. */
    private static boolean readOnly(Object mode) {
        return mode == FileChannel.MapMode.READ_ONLY || mode == FileChannel.MapMode.PRIVATE;
    }

    private IoDispatch.Token blind(Object where, String what) {
        run.blindSpots().add(where instanceof Handles.Handle handle ? handle.path : (String) where, what);
        return null;
    }

    private IoDispatch.Token truncate(Object self, long size) throws Throwable {
        Handles.Handle handle = run.handles().get(self);
        if (handle == null || size >= ((FileChannel) self).size()) {
            return null;
        }
        return onHandle(OpKind.TRUNCATE, handle, size);
    }

    private IoDispatch.Token force(Object self, boolean metadata) throws Throwable {
        Handles.Handle handle = run.handles().get(self);
        if (handle == null) {
            return null;
        }
        return onHandle(handle.directory ? OpKind.FSYNC_DIRECTORY : metadata ? OpKind.FSYNC_FILE : OpKind.FSYNC_DATA,
                handle, -1);
    }

    private IoDispatch.Token descriptorSync(Object self) throws Throwable {
        Handles.Handle handle = self instanceof FileDescriptor ? run.handles().get(self) : null;
        return handle == null ? null : new HandleOp(run, OpKind.FSYNC_FILE, handle, -1, true).begin();
    }

    private IoDispatch.Token close(Object self) throws Throwable {
        Handles.Handle handle = run.handles().get(self);
        // After a crash, closes (try-with-resources unwinding) pass unrecorded: failing them would
        // only leak the harness's file descriptors, and a close changes nothing that persists.
        if (handle == null || !handle.closeIsWorthRecording() || run.liveness().dead()) {
            return null;
        }
        return onHandle(OpKind.CLOSE, handle, -1);
    }

    private IoDispatch.Token onHandle(OpKind kind, Handles.Handle handle, long length) throws Throwable {
        return handle == null ? null : new HandleOp(run, kind, handle, length, false).begin();
    }

    private IoDispatch.Token open(Path path, Set<? extends OpenOption> options) throws Throwable {
        OpenOp open = OpenOp.of(run, run.scope().relative(path), path, options);
        return open == null ? null : open.begin();
    }

    /** DELETE_ON_CLOSE on the default (Unix) file system: the JDK unlinks the file inside the open itself. */
    private boolean deletesOnClose(Object provider, Object[] args) {
        return args.length == 3 && provider instanceof java.nio.file.spi.FileSystemProvider
                && ((Set<?>) args[1]).contains(StandardOpenOption.DELETE_ON_CLOSE)
                && ((Path) args[0]).getFileSystem() == java.nio.file.FileSystems.getDefault()
                && run.scope().relative((Path) args[0]) != null;
    }

    /**
     * The open and the unlink the JDK makes in one call for DELETE_ON_CLOSE (UnixChannelFactory), made
     * as two operations: a crash or a reader's pause can land between them, as a kill -9 can, and a
     * point before the unlink is really before it.
     */
    private IoDispatch.Token openThenUnlink(String method, java.nio.file.spi.FileSystemProvider provider, Path path,
                                            Set<? extends OpenOption> options,
                                            java.nio.file.attribute.FileAttribute<?>[] attrs) throws Throwable {
        Set<OpenOption> kept = new HashSet<>(options);
        kept.remove(StandardOpenOption.DELETE_ON_CLOSE);
        run.threads().unguard();
        try {
            Object channel = method.equals("newFileChannel") ? provider.newFileChannel(path, kept, attrs)
                    : provider.newByteChannel(path, kept, attrs);
            Files.delete(path);
            return new Pending.Replaced(run, channel);
        } finally {
            run.threads().guard();
        }
    }

    private static Set<OpenOption> streamOptions(OpenOption[] given) {
        Set<OpenOption> options = new HashSet<>(List.of(given == null ? new OpenOption[0] : given));
        if (options.isEmpty()) {
            options.add(StandardOpenOption.CREATE);
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        options.add(StandardOpenOption.WRITE);
        return options;
    }

    private IoDispatch.Token move(Path source, Path destination, CopyOption[] options) throws Throwable {
        if (run.scope().relative(source) == null && run.scope().relative(destination) == null) {
            return null;
        }
        if (!java.util.Arrays.asList(options == null ? new CopyOption[0] : options)
                .contains(java.nio.file.StandardCopyOption.ATOMIC_MOVE) && sameFile(source, destination)) {
            return null; // the JDK sees one file and returns without a system call (UnixFileSystem.move)
        }
        return new MoveOp(run, source, destination, options).begin();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b, LinkOption.NOFOLLOW_LINKS)
                    && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private IoDispatch.Token renameTo(File source, File destination) throws Throwable {
        if (run.scope().relative(source) == null && run.scope().relative(destination) == null) {
            return null;
        }
        return new EntryOp(run, OpKind.MOVE, run.scope().name(source.toPath()), run.scope().name(destination.toPath()),
                false, EntryOp.Result.BOOLEAN, true).begin();
    }

    /** A delete of something that exists, or a mkdir of something that does not; else nothing changes. */
    private IoDispatch.Token entry(OpKind kind, Path path, String rel, EntryOp.Result result, boolean mustExist)
            throws Throwable {
        if (rel == null || Files.exists(path, LinkOption.NOFOLLOW_LINKS) != mustExist) {
            return null;
        }
        return EntryOp.of(run, kind, rel, result).begin();
    }

    private IoDispatch.Token link(Path link, Path existing) throws Throwable {
        if (run.scope().relative(link) == null && run.scope().relative(existing) == null) {
            return null;
        }
        return new EntryOp(run, OpKind.LINK, run.scope().name(existing), run.scope().name(link), false,
                EntryOp.Result.VOID, false).begin();
    }

    /** java.io creates in native code (createFileExclusively): seen at File.createNewFile. */
    private IoDispatch.Token createNewFile(File file) throws Throwable {
        return entry(OpKind.CREATE, file.toPath(), run.scope().relative(file), EntryOp.Result.BOOLEAN_OR_THROWS, false);
    }

    /**
     * File.createTempFile in the run's scope, performed as the JDK performs it (a random name, then
     * an exclusive create) but through File.createNewFile, so the create is seen with its name.
     */
    private IoDispatch.Token createTempFile(String prefix, String suffix, File directory) throws Throwable {
        if (directory == null || run.scope().relative(directory) == null || prefix == null || prefix.length() < 3) {
            return null;
        }
        run.liveness().checkAlive();
        run.threads().unguard();
        try {
            File created;
            do {
                created = new File(directory, prefix + Long.toUnsignedString(TEMP_NAMES.nextLong())
                        + (suffix == null ? ".tmp" : suffix));
            } while (!created.createNewFile());
            return new Pending.Replaced(run, created);
        } finally {
            run.threads().guard();
        }
    }
}
