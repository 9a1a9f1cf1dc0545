package dev.crashlab.faults.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kernel was asked to do under one idiom's root, from {@code strace -f -y} output, in
 * {@link FileOps} lines. Only the calls between the idiom's begin and end markers count (opens of
 * two marker files that do not exist, outside the root), and only those that succeeded.
 *
 * <p>strace prints the name of a descriptor's file, not the offset a write() lands at, so the
 * descriptors' positions are followed here: an open starts at 0 (a write with O_APPEND lands at
 * the end of the file), lseek moves it, write/writev/sendfile/copy_file_range without an explicit
 * offset advance it. File sizes are followed too, from the sizes the child reported before the
 * body ran, so that a truncate that changes nothing can be dropped as {@link FileOps} says.
 */
final class StraceOps {

    private static final Set<String> WRITING = Set.of("write", "writev", "pwrite64", "pwritev", "pwritev2");

    private final Path root;
    private final FileOps.Names names = new FileOps.Names();
    private final Map<Integer, Descriptor> descriptors = new HashMap<>();
    private final List<String> out = new ArrayList<>();

    /** An open file description: shared by dup'ed descriptors, as its position is. */
    private static final class Descriptor {
        final FileOps.Inode inode;
        final boolean append;
        final boolean sync;
        final boolean dsync;
        final boolean directory;
        long position;

        Descriptor(FileOps.Inode inode, boolean append, boolean sync, boolean dsync, boolean directory) {
            this.inode = inode;
            this.append = append;
            this.sync = sync;
            this.dsync = dsync;
            this.directory = directory;
        }
    }

    private StraceOps(Path root, Map<String, Long> filesBefore, Set<String> dirsBefore) {
        this.root = root;
        filesBefore.forEach((name, size) -> names.bind(name, new FileOps.Inode(name, size)));
        names.dirs.addAll(dirsBefore);
    }

    /**
     * The operations in {@code log} between the markers named {@code begin} and {@code end}.
     *
     * @param log complete calls in the order they finished (see {@link StraceLog})
     */
    static List<String> between(List<String> log, String begin, String end, Path root,
                                Map<String, Long> filesBefore, Set<String> dirsBefore) {
        StraceOps ops = new StraceOps(root, filesBefore, dirsBefore);
        boolean inside = false;
        for (String line : log) {
            if (!inside) {
                inside = line.contains("/" + begin + "\"");
                continue;
            }
            if (line.contains("/" + end + "\"")) {
                return ops.out;
            }
            Syscall call = Syscall.parse(line);
            if (call != null && !call.failed()) {
                ops.apply(call);
            }
        }
        throw new IllegalStateException("strace's log has no " + (inside ? "end" : "begin") + " marker " + (inside ? end : begin));
    }

    private void apply(Syscall call) {
        List<String> a = call.args();
        switch (call.name()) {
            case "open", "creat" -> open(null, Syscall.string(a.get(0)),
                    call.name().equals("creat") ? "O_CREAT|O_WRONLY|O_TRUNC" : a.get(1), call);
            case "openat" -> open(Syscall.descriptorPath(a.get(0)),
                    Syscall.string(a.get(1)), a.get(2), call);
            case "write", "writev" -> written(a.get(0), -1, call.value());
            case "pwrite64", "pwritev", "pwritev2" -> written(a.get(0), Syscall.number(a.get(a.size() - (call.name().equals("pwritev2") ? 2 : 1))), call.value());
            case "sendfile" -> transfer(a.get(1), a.get(2), a.get(0), "NULL", call.value());
            case "copy_file_range" -> transfer(a.get(0), a.get(1), a.get(2), a.get(3), call.value());
            case "lseek" -> position(a.get(0), call.value());
            case "ftruncate" -> truncate(a.get(0), Syscall.number(a.get(1)));
            case "fsync", "fdatasync" -> sync(a.get(0), call.name().equals("fsync"));
            case "close" -> descriptors.remove(Syscall.descriptor(a.get(0)));
            case "dup", "dup2", "dup3" -> dup(a.get(0), (int) call.value());
            case "fcntl" -> {
                if (a.get(1).startsWith("F_DUPFD")) {
                    dup(a.get(0), (int) call.value());
                }
            }
            case "rename" -> rename(absolute(a.get(0)), absolute(a.get(1)));
            case "renameat", "renameat2" -> rename(at(a.get(0), a.get(1)), at(a.get(2), a.get(3)));
            case "link" -> link(absolute(a.get(0)), absolute(a.get(1)));
            case "linkat" -> link(at(a.get(0), a.get(1)), at(a.get(2), a.get(3)));
            case "unlink", "rmdir" -> delete(absolute(a.get(0)));
            case "unlinkat" -> delete(at(a.get(0), a.get(1)));
            case "mkdir" -> mkdir(absolute(a.get(0)));
            case "mkdirat" -> mkdir(at(a.get(0), a.get(1)));
            default -> { }
        }
    }

    private void open(String dirPath, String given, String flags, Syscall call) {
        String name = relative(resolve(dirPath, given));
        if (name == null) {
            return;
        }
        Set<String> flag = Set.of(flags.split("\\|"));
        boolean writes = flag.contains("O_WRONLY") || flag.contains("O_RDWR");
        FileOps.Inode inode = names.get(name);
        boolean directory = names.dirs.contains(name) || name.isEmpty() || flag.contains("O_DIRECTORY");
        if (inode == null && !directory && flag.contains("O_CREAT")) {
            inode = new FileOps.Inode(name, 0);
            names.bind(name, inode);
            out.add(FileOps.create(name));
        } else if (inode != null && writes && flag.contains("O_TRUNC") && inode.size != 0) {
            inode.size = 0;
            out.add(FileOps.truncate(FileOps.display(name), 0));
        }
        if (inode == null && !directory) {
            // a file that existed before without the child telling (cannot happen in the corpus): follow it anyway
            inode = new FileOps.Inode(name, 0);
            names.bind(name, inode);
        }
        descriptors.put((int) call.value(), new Descriptor(inode, flag.contains("O_APPEND"), flag.contains("O_SYNC"),
                flag.contains("O_DSYNC"), directory));
    }

    private void written(String fdArg, long at, long count) {
        Descriptor d = descriptors.get(Syscall.descriptor(fdArg));
        if (d == null || d.directory || count <= 0) {
            return;
        }
        long offset = at >= 0 ? at : d.append ? d.inode.size : d.position;
        String name = kernelName(fdArg);
        out.add(FileOps.write(name, offset, count, d.sync || d.dsync));
        d.inode.size = Math.max(d.inode.size, offset + count);
        if (at < 0) {
            d.position = offset + count;
        }
    }

    private void transfer(String inArg, String inOffset, String outArg, String outOffset, long count) {
        Descriptor in = descriptors.get(Syscall.descriptor(inArg));
        if (in != null && inOffset.equals("NULL")) {
            in.position += count;
        }
        written(outArg, outOffset.equals("NULL") ? -1 : Syscall.number(outOffset), count);
    }

    private void position(String fdArg, long to) {
        Descriptor d = descriptors.get(Syscall.descriptor(fdArg));
        if (d != null) {
            d.position = to;
        }
    }

    private void truncate(String fdArg, long size) {
        Descriptor d = descriptors.get(Syscall.descriptor(fdArg));
        if (d == null || d.inode.size == size) {
            return;
        }
        d.inode.size = size;
        out.add(FileOps.truncate(kernelName(fdArg), size));
    }

    private void sync(String fdArg, boolean metadata) {
        Descriptor d = descriptors.get(Syscall.descriptor(fdArg));
        if (d == null) {
            return;
        }
        String name = kernelName(fdArg);
        out.add(d.directory ? FileOps.fsyncDirectory(name.equals(".") ? "" : name)
                : metadata ? FileOps.fsync(name) : FileOps.fdatasync(name));
    }

    private void dup(String fdArg, int copy) {
        Descriptor d = descriptors.get(Syscall.descriptor(fdArg));
        if (d != null) {
            descriptors.put(copy, d);
        }
    }

    private void rename(String from, String to) {
        String a = relative(from);
        String b = relative(to);
        if (a == null && b == null) {
            return;
        }
        if (a != null) {
            names.rename(a, b == null ? to : b);
        }
        out.add(FileOps.rename(a == null ? from : a, b == null ? to : b));
    }

    private void link(String existing, String created) {
        String a = relative(existing);
        String b = relative(created);
        if (a == null && b == null) {
            return;
        }
        if (a != null && b != null) {
            names.link(a, b);
        }
        out.add(FileOps.link(a == null ? existing : a, b == null ? created : b));
    }

    private void delete(String path) {
        String name = relative(path);
        if (name != null) {
            names.unlink(name);
            out.add(FileOps.delete(name));
        }
    }

    private void mkdir(String path) {
        String name = relative(path);
        if (name != null) {
            names.dirs.add(name);
            out.add(FileOps.mkdir(name));
        }
    }

    /** The descriptor's file as the kernel names it now, relative to the root, "(deleted)" kept. */
    private String kernelName(String fdArg) {
        String path = Syscall.descriptorPath(fdArg);
        boolean deleted = path.endsWith(FileOps.DELETED);
        String name = relative(deleted ? path.substring(0, path.length() - FileOps.DELETED.length()) : path);
        String shown = name == null ? path : FileOps.display(name);
        return deleted && name != null ? shown + FileOps.DELETED : shown;
    }

    /** The absolute path of a (dirfd, path) pair of arguments. */
    private static String at(String dirArg, String given) {
        return resolve(Syscall.descriptorPath(dirArg), Syscall.string(given));
    }

    private static String absolute(String given) {
        return resolve(null, Syscall.string(given));
    }

    private static String resolve(String dirPath, String given) {
        Path p = Path.of(given);
        return (p.isAbsolute() || dirPath == null ? p : Path.of(dirPath).resolve(p)).normalize().toString();
    }

    /** Root-relative, '/'-separated; "" for the root; null outside it. */
    private String relative(String absolute) {
        Path p = Path.of(absolute);
        if (!p.startsWith(root)) {
            return null;
        }
        return root.relativize(p).toString().replace('\\', '/');
    }
}
