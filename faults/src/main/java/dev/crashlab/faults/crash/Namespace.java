package dev.crashlab.faults.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directory entries as names bound to inode numbers. Persistence is decided per inode (a file's
 * data follows the file through renames), so both the trace analysis and the replay need to know
 * which inode a name denotes at each step.
 */
final class Namespace {

    final Map<String, Integer> names;
    final Set<String> dirs;

    Namespace(Map<String, Integer> names, Set<String> dirs) {
        this.names = new HashMap<>(names);
        this.dirs = new HashSet<>(dirs);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    int inodeOf(String path) {
        return names.getOrDefault(path, TraceFacts.NO_INODE);
    }

    /** Renames a file, or a directory with everything below it. */
    void move(String from, String to, int inode) {
        if (dirs.remove(from)) {
            rebase(from, to);
            dirs.add(to);
            return;
        }
        names.remove(from);
        if (inode != TraceFacts.NO_INODE) {
            names.put(to, inode);
        }
    }

    void delete(String path) {
        if (dirs.remove(path)) {
            String prefix = path + "/";
            names.keySet().removeIf(n -> n.startsWith(prefix));
            dirs.removeIf(d -> d.startsWith(prefix));
        } else {
            names.remove(path);
        }
    }

    private void rebase(String from, String to) {
        String prefix = from + "/";
        List<String> moved = new ArrayList<>();
        names.keySet().stream().filter(n -> n.startsWith(prefix)).forEach(moved::add);
        for (String n : moved) {
            names.put(to + "/" + n.substring(prefix.length()), names.remove(n));
        }
        List<String> movedDirs = dirs.stream().filter(d -> d.startsWith(prefix)).toList();
        for (String d : movedDirs) {
            dirs.remove(d);
            dirs.add(to + "/" + d.substring(prefix.length()));
        }
    }

    /** A name is visible after a crash only if every directory above it survived too. */
    boolean reachable(String path) {
        for (String p = parent(path); !p.isEmpty(); p = parent(p)) {
            if (!dirs.contains(p)) {
                return false;
            }
        }
        return true;
    }
}
