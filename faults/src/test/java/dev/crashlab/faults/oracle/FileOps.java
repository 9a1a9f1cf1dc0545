package dev.crashlab.faults.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common language of the strace oracle: both crashlab's trace and strace's system calls are
 * turned into lines of this form, one per change to the file system, then compared line by line.
 *
 * <ul>
 *   <li>{@code CREATE a}: a file came into existence (an open with O_CREAT of a missing name,
 *       whatever the flags).</li>
 *   <li>{@code TRUNCATE a to N}: the size changed to N by an ftruncate or an O_TRUNC open;
 *       truncates that leave the size as it was are dropped on both sides.</li>
 *   <li>{@code WRITE a @OFFSET +LENGTH}: bytes that reached the file (write, pwrite64, writev,
 *       sendfile, copy_file_range), with the offset the kernel wrote at.</li>
 *   <li>{@code WRITE a @OFFSET +LENGTH (sync)}: a write through an O_SYNC or O_DSYNC descriptor,
 *       durable when it returns (crashlab: {@code IoOp.durable()}).</li>
 *   <li>{@code FSYNC a}, {@code FDATASYNC a}, {@code FSYNC_DIR d}: which file a sync made durable.</li>
 *   <li>{@code RENAME a -> b}, {@code LINK a -> b} (b is the new name), {@code DELETE a},
 *       {@code MKDIR d}.</li>
 * </ul>
 *
 * Paths are relative to the idiom's root ("." for the root itself). A file is named by the name it
 * has when the operation happens (what {@code strace -y} prints for a descriptor), and an unlinked
 * file as {@code "a (deleted)"}, as the kernel does. Closes, reads and opens that change nothing
 * are not compared.
 */
final class FileOps {

    static final String DELETED = " (deleted)";

    private FileOps() {
    }

    static String display(String path) {
        return path.isEmpty() ? "." : path;
    }

    static String create(String path) {
        return "CREATE " + display(path);
    }

    static String write(String name, long offset, long length, boolean durable) {
        return "WRITE " + name + " @" + offset + " +" + length + (durable ? " (sync)" : "");
    }

    static String truncate(String name, long size) {
        return "TRUNCATE " + name + " to " + size;
    }

    static String fsync(String name) {
        return "FSYNC " + name;
    }

    static String fdatasync(String name) {
        return "FDATASYNC " + name;
    }

    static String fsyncDirectory(String path) {
        return "FSYNC_DIR " + display(path);
    }

    static String rename(String from, String to) {
        return "RENAME " + display(from) + " -> " + display(to);
    }

    static String link(String existing, String created) {
        return "LINK " + display(existing) + " -> " + display(created);
    }

    static String delete(String path) {
        return "DELETE " + display(path);
    }

    static String mkdir(String path) {
        return "MKDIR " + display(path);
    }

    /** What {@code name} is called after {@code from} was renamed {@code to} (itself, or something under it). */
    static String renamed(String name, String from, String to) {
        return name.equals(from) ? to : name.startsWith(from + "/") ? to + name.substring(from.length()) : name;
    }

    /** A file, whatever its names: its size, to tell a no-op truncate, and its last name, for "(deleted)". */
    static final class Inode {
        String lastName;
        long size;

        Inode(String name, long size) {
            this.lastName = name;
            this.size = size;
        }
    }

    /** Directory entries: which file each name denotes, maintained through renames, links and unlinks. */
    static final class Names {
        final Map<String, Inode> files = new HashMap<>();
        final Set<String> dirs = new HashSet<>();

        Inode get(String name) {
            return files.get(name);
        }

        void bind(String name, Inode inode) {
            files.put(name, inode);
            inode.lastName = name;
        }

        void rename(String from, String to) {
            if (dirs.remove(from)) {
                for (String name : new ArrayList<>(files.keySet())) {
                    if (name.startsWith(from + "/")) {
                        bind(renamed(name, from, to), files.remove(name));
                    }
                }
                for (String dir : new ArrayList<>(dirs)) {
                    if (dirs.remove(dir)) {
                        dirs.add(renamed(dir, from, to));
                    }
                }
                dirs.add(to);
                return;
            }
            Inode inode = files.remove(from);
            if (inode != null) {
                bind(to, inode);
            } else {
                files.remove(to);
            }
        }

        void link(String existing, String created) {
            Inode inode = files.get(existing);
            if (inode != null) {
                files.put(created, inode);
            }
        }

        void unlink(String name) {
            if (!dirs.remove(name)) {
                files.remove(name);
            }
        }

        /** The name the file has now (the one given, if it still has it); "last (deleted)" if none. */
        String nameOf(Inode inode, String preferred) {
            if (files.get(preferred) == inode) {
                return display(preferred);
            }
            List<String> all = new ArrayList<>();
            files.forEach((name, file) -> {
                if (file == inode) {
                    all.add(name);
                }
            });
            if (all.isEmpty()) {
                return display(inode.lastName) + DELETED;
            }
            all.sort(null);
            return display(all.get(0));
        }
    }
}
