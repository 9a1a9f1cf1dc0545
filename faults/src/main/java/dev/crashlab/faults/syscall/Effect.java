package dev.crashlab.faults.syscall;

import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.List;

/** What one successful call does to the files under the root, as operations of the trace. */
final class Effect {

    private final Kernel k;
    private final Tracee task;
    private final Call call;

    Effect(Kernel kernel, Tracee task, Call call) {
        this.k = kernel;
        this.task = task;
        this.call = call;
    }

    void apply() {
        switch (call.name()) {
            case "open" -> open(null, call.arg(0), call.arg(1));
            case "openat" -> open(call.arg(0), call.arg(1), call.arg(2));
            case "openat2" -> open(call.arg(0), call.arg(1), call.arg(2));
            case "creat" -> open(null, call.arg(0), "O_CREAT|O_WRONLY|O_TRUNC");
            case "dup", "dup2", "dup3" -> dup(call.arg(0));
            case "fcntl" -> {
                if (call.arg(1).startsWith("F_DUPFD")) {
                    dup(call.arg(0));
                }
            }
            case "close" -> close();
            case "write" -> write(call.arg(1), -1, false);
            case "pwrite64" -> write(call.arg(1), Call.number(call.arg(3)), false);
            case "writev" -> write(call.arg(1), -1, true);
            case "pwritev" -> write(call.arg(1), Call.number(call.arg(3)), true);
            case "pwritev2" -> {
                String flags = call.arg(4);
                if (flags.contains("RWF_")) {
                    refuseIfMine(call.arg(0), "pwritev2 with flags " + flags + ", which the recording does not model");
                } else {
                    write(call.arg(1), Call.number(call.arg(3)), true);
                }
            }
            case "read", "readv" -> moved(call.arg(0), call.value());
            case "lseek" -> {
                Tracee.Description d = mine(call.arg(0));
                if (d != null) {
                    d.position = call.value();
                }
            }
            case "ftruncate" -> truncate(mine(call.arg(0)), Call.number(call.arg(1)));
            case "truncate" -> truncateName();
            case "fallocate" -> fallocate();
            case "fsync" -> sync(OpKind.FSYNC_FILE);
            case "fdatasync" -> sync(OpKind.FSYNC_DATA);
            case "sync", "syncfs" -> syncAll();
            case "rename" -> move(null, call.arg(0), null, call.arg(1), "");
            case "renameat" -> move(call.arg(0), call.arg(1), call.arg(2), call.arg(3), "");
            case "renameat2" -> move(call.arg(0), call.arg(1), call.arg(2), call.arg(3), call.arg(4));
            case "link" -> link(null, call.arg(0), null, call.arg(1));
            case "linkat" -> link(call.arg(0), call.arg(1), call.arg(2), call.arg(3));
            case "unlink" -> delete(null, call.arg(0));
            case "unlinkat" -> delete(call.arg(0), call.arg(1));
            case "rmdir" -> delete(null, call.arg(0));
            case "mkdir" -> mkdir(null, call.arg(0));
            case "mkdirat" -> mkdir(call.arg(0), call.arg(1));
            case "symlink" -> symlink(null, call.arg(1));
            case "symlinkat" -> symlink(call.arg(1), call.arg(2));
            case "copy_file_range" -> copy(call.arg(0), call.arg(1), call.arg(2), call.arg(3));
            case "sendfile", "sendfile64" -> copy(call.arg(1), call.arg(2), call.arg(0), "NULL");
            case "splice", "tee", "vmsplice" -> refuseIfMine(call.arg(call.name().equals("splice") ? 2 : 1),
                    call.name() + " into a file, whose bytes the recording cannot see");
            case "ioctl" -> {
                if (call.arg(1).startsWith("FICLONE") || call.arg(1).contains("FIDEDUPERANGE")) {
                    refuseIfMine(call.arg(0), "a reflink copy (" + call.arg(1) + "), whose bytes the recording cannot see");
                }
            }
            case "mmap" -> mapped();
            case "io_uring_setup", "io_setup" -> k.refuse(task, call, "asynchronous I/O through " + call.name()
                    + ", which the recording does not decode: its reads and writes are not system calls of their own");
            default -> {
                // a call that changes nothing under the root (msync of a map already refused, sync_file_range)
            }
        }
    }

    /** The description behind a descriptor argument, when it names a file under the root; else null. */
    private Tracee.Description mine(String fdArg) {
        String path = Call.descriptorPath(fdArg);
        int fd = Call.descriptor(fdArg);
        Tracee.Description d = task.descriptors.open.get(fd);
        String rel = k.relative(path == null ? null : stripDeleted(path));
        if (rel == null) {
            if (d != null && path != null) {
                task.descriptors.open.remove(fd); // the number was reused for something outside (a pipe, a socket)
            }
            return null;
        }
        if (d == null && !k.isVolatile(rel)) {
            k.refuse(task, call, (rel.isEmpty() ? "." : rel) + ": a descriptor the recording never saw opened");
        }
        return d;
    }

    private static String stripDeleted(String path) {
        return path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path;
    }

    private void refuseIfMine(String fdArg, String what) {
        String rel = k.relative(stripDeleted(String.valueOf(Call.descriptorPath(fdArg))));
        if (rel != null && !k.isVolatile(rel)) {
            k.refuse(task, call, (rel.isEmpty() ? "." : rel) + ": " + what);
        }
    }

    private void open(String dirfd, String path, String flags) {
        int fd = (int) call.value();
        String resolved = Call.descriptorPath(call.result());
        String abs = resolved != null ? resolved : k.absolute(task, dirfd, path);
        String rel = k.relative(abs);
        task.descriptors.open.remove(fd);
        if (rel == null) {
            if (k.isAcks(abs)) {
                task.descriptors.open.put(fd, new Tracee.Description(null, null, -1, false, true, true, false));
            }
            return;
        }
        if (k.isVolatile(rel)) {
            return;
        }
        if (flags.contains("O_TMPFILE")) {
            k.refuse(task, call, rel + ": an O_TMPFILE file, which the recording does not model");
            return;
        }
        boolean writable = flags.contains("O_WRONLY") || flags.contains("O_RDWR");
        if (flags.contains("O_DIRECTORY") || k.dirs().contains(rel) || rel.isEmpty()) {
            task.descriptors.open.put(fd, new Tracee.Description(null, rel, k.position(), true, false, false, false));
            return;
        }
        Inode inode = k.names().get(rel);
        if (inode == null) {
            if (!flags.contains("O_CREAT")) {
                k.refuse(task, call, rel + ": opened, but the recording never saw it made");
                return;
            }
            inode = new Inode(new byte[0]);
            k.names().put(rel, inode);
            k.add(task, call, OpKind.CREATE, rel, null, -1, -1, null);
        } else if (flags.contains("O_TRUNC") && writable && inode.size() > 0) {
            inode.truncate(0);
            k.add(task, call, OpKind.TRUNCATE, rel, null, -1, 0, null);
        }
        boolean durable = flags.contains("O_SYNC") || flags.contains("O_DSYNC");
        task.descriptors.open.put(fd, new Tracee.Description(inode, rel, k.position(), false, flags.contains("O_APPEND"),
                writable, durable));
    }

    private void dup(String fdArg) {
        int to = (int) call.value();
        Tracee.Description d = task.descriptors.open.get(Call.descriptor(fdArg));
        if (d == null) {
            task.descriptors.open.remove(to);
        } else {
            task.descriptors.open.put(to, d);
        }
    }

    private void close() {
        Tracee.Description d = task.descriptors.open.remove(Call.descriptor(call.arg(0)));
        if (d != null && d.writable && d.inode != null) {
            k.add(task, call, OpKind.CLOSE, d, -1, -1, null);
        }
    }

    private void write(String payload, long at, boolean vector) {
        long count = call.value();
        Tracee.Description acks = task.descriptors.open.get(Call.descriptor(call.arg(0)));
        if (acks != null && acks.name == null && k.isAcks(Call.descriptorPath(call.arg(0)))) {
            k.acknowledge(vector ? Kernel.iovecs(payload, count) : Call.string(payload));
            return;
        }
        Tracee.Description d = mine(call.arg(0));
        if (d == null || d.inode == null || count == 0) {
            return; // nothing written: not an operation
        }
        if (payload.contains("\"...")) {
            k.refuse(task, call, d.name + ": a write of " + count + " bytes longer than strace printed");
            return;
        }
        byte[] all = vector ? Kernel.iovecs(payload, count) : Call.string(payload);
        byte[] data = all.length == count ? all : java.util.Arrays.copyOf(all, (int) count);
        long offset = at >= 0 ? at : d.append ? d.inode.size() : d.position;
        if (at < 0) {
            d.position = offset + count;
        }
        d.inode.write(offset, data);
        k.add(task, call, OpKind.WRITE, d, offset, count, data);
    }

    /** A read moves the position; reads are printed raw (no payload, no path), so the table alone says whose. */
    private void moved(String fdArg, long count) {
        Tracee.Description d = task.descriptors.open.get(Call.descriptor(fdArg));
        if (d != null) {
            d.position += count;
        }
    }

    private void truncate(Tracee.Description d, long length) {
        if (d != null && d.inode != null) {
            d.inode.truncate(length);
            k.add(task, call, OpKind.TRUNCATE, d, -1, length, null);
        }
    }

    private void truncateName() {
        String rel = k.relative(k.absolute(task, null, call.arg(0)));
        Inode inode = rel == null ? null : k.names().get(rel);
        if (inode != null && !k.isVolatile(rel)) {
            long length = Call.number(call.arg(1));
            inode.truncate(length);
            k.add(task, call, OpKind.TRUNCATE, rel, null, -1, length, null);
        }
    }

    private void fallocate() {
        Tracee.Description d = mine(call.arg(0));
        if (d == null || d.inode == null) {
            return;
        }
        String mode = call.arg(1);
        long end = Call.number(call.arg(2)) + Call.number(call.arg(3));
        if (mode.equals("0")) {
            if (end > d.inode.size()) {
                truncate(d, end); // allocating past the end grows the file with zeros, as a truncate up does
            }
        } else if (!mode.equals("FALLOC_FL_KEEP_SIZE")) {
            k.refuse(task, call, d.name + ": fallocate " + mode + ", which the recording does not model");
        }
    }

    private void sync(OpKind kind) {
        Tracee.Description d = mine(call.arg(0));
        if (d != null) {
            k.add(task, call, d.directory ? OpKind.FSYNC_DIRECTORY : kind, d, -1, -1, null);
        }
    }

    /** sync(2) and syncfs(2): every file and directory under the root reached the disk. */
    private void syncAll() {
        for (String name : new ArrayList<>(k.names().keySet())) {
            k.add(task, call, OpKind.FSYNC_FILE, name, null, -1, -1, null);
        }
        List<String> all = new ArrayList<>(k.dirs());
        all.add(0, "");
        for (String dir : all) {
            k.add(task, call, OpKind.FSYNC_DIRECTORY, dir, null, -1, -1, null);
        }
    }

    private void move(String fromDir, String from, String toDir, String to, String flags) {
        String source = k.relative(k.absolute(task, fromDir, from));
        String target = k.relative(k.absolute(task, toDir, to));
        if (source == null && target == null) {
            return;
        }
        if (flags.contains("RENAME_EXCHANGE") || flags.contains("RENAME_WHITEOUT")) {
            k.refuse(task, call, (source == null ? target : source) + ": rename with " + flags
                    + ", which the recording does not model");
            return;
        }
        boolean sourceVolatile = source != null && k.isVolatile(source);
        boolean targetVolatile = target != null && k.isVolatile(target);
        if (sourceVolatile && targetVolatile) {
            return;
        }
        if (source == null || sourceVolatile) {
            k.refuse(task, call, target + ": moved in from " + (source == null ? "outside the root" : "a volatile file")
                    + ", with bytes the recording never saw written");
            return;
        }
        if (target == null || targetVolatile) {
            removeName(source);
            k.add(task, call, OpKind.DELETE, source, null, -1, -1, null); // gone from the root, as an unlink
            return;
        }
        if (k.dirs().contains(source)) {
            k.dirs().remove(source);
            k.dirs().add(target);
            for (String name : new ArrayList<>(k.dirs())) {
                if (name.startsWith(source + "/")) {
                    k.dirs().remove(name);
                    k.dirs().add(target + name.substring(source.length()));
                }
            }
            for (String name : new ArrayList<>(k.names().keySet())) {
                if (name.startsWith(source + "/")) {
                    k.names().put(target + name.substring(source.length()), k.names().remove(name));
                }
            }
        } else {
            Inode inode = k.names().remove(source);
            if (inode == null) {
                k.refuse(task, call, source + ": renamed, but the recording never saw it made");
                return;
            }
            k.names().put(target, inode);
        }
        k.add(task, call, OpKind.MOVE, source, target, -1, -1, null);
    }

    private void link(String fromDir, String from, String toDir, String to) {
        if (call.arg(4).contains("AT_EMPTY_PATH")) {
            refuseIfMine(fromDir, "linkat with AT_EMPTY_PATH, which the recording does not model");
            return;
        }
        String source = k.relative(k.absolute(task, fromDir, from));
        String target = k.relative(k.absolute(task, toDir, to));
        if (target == null || k.isVolatile(target)) {
            return;
        }
        Inode inode = source == null ? null : k.names().get(source);
        if (inode == null) {
            k.refuse(task, call, target + ": linked to a file the recording never saw made");
            return;
        }
        k.names().put(target, inode);
        k.add(task, call, OpKind.LINK, source, target, -1, -1, null);
    }

    private void delete(String dirfd, String path) {
        String rel = k.relative(k.absolute(task, dirfd, path));
        if (rel == null || k.isVolatile(rel)) {
            return;
        }
        removeName(rel);
        k.add(task, call, OpKind.DELETE, rel, null, -1, -1, null);
    }

    private void removeName(String rel) {
        if (k.names().remove(rel) == null) {
            k.dirs().remove(rel);
        }
    }

    private void mkdir(String dirfd, String path) {
        String rel = k.relative(k.absolute(task, dirfd, path));
        if (rel != null) {
            k.dirs().add(rel);
            k.add(task, call, OpKind.MKDIR, rel, null, -1, -1, null);
        }
    }

    private void symlink(String dirfd, String path) {
        String rel = k.relative(k.absolute(task, dirfd, path));
        if (rel != null) {
            k.refuse(task, call, rel + ": a symbolic link, which the trace does not model");
        }
    }

    /** copy_file_range and sendfile: the bytes come from the source file as the recording knows it. */
    private void copy(String inFd, String inOffset, String outFd, String outOffset) {
        long count = call.value();
        Tracee.Description out = mine(outFd);
        Tracee.Description in = task.descriptors.open.get(Call.descriptor(inFd));
        boolean inMine = k.relative(stripDeleted(String.valueOf(Call.descriptorPath(inFd)))) != null;
        long from = inOffset.equals("NULL") || in == null ? (in == null ? 0 : in.position) : Call.number(inOffset);
        if (in != null && inMine && (inOffset.equals("NULL"))) {
            in.position += count;
        }
        if (out == null || out.inode == null || count == 0) {
            return; // the end of the source (cp copies until a copy of 0 bytes)
        }
        if (in == null || in.inode == null || !inMine) {
            k.refuse(task, call, out.name + ": " + count + " bytes copied in by " + call.name()
                    + " from a file outside the root, which the recording cannot see");
            return;
        }
        byte[] data = in.inode.read(from, count);
        long offset = outOffset.equals("NULL") ? (out.append ? out.inode.size() : out.position) : Call.number(outOffset);
        if (outOffset.equals("NULL")) {
            out.position = offset + data.length;
        }
        out.inode.write(offset, data);
        k.add(task, call, OpKind.WRITE, out, offset, data.length, data);
    }

    /** A shared writable map of a file under the root: its writes are stores to memory, no call to see. */
    private void mapped() {
        String prot = call.arg(2);
        String flags = call.arg(3);
        if (flags.contains("MAP_SHARED") && prot.contains("PROT_WRITE") && !call.arg(4).startsWith("-1")) {
            refuseIfMine(call.arg(4), "mapped shared and writable: its writes are stores to memory, which no"
                    + " recording sees; declare the file volatile if the target rebuilds it when it opens");
        }
    }

}
