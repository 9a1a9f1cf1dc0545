package dev.crashlab.faults.run;

import dev.crashlab.faults.trace.Snapshot;
import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which paths belong to the run: the root, plus optionally labelled extra roots (e.g. a tmpfs
 * directory used for temp files). Paths under the root are named relative to it; paths under an
 * extra root as {@code @label/relative}.
 */
final class Scope {

    private final Path root;
    private final Map<String, Path> extra = new LinkedHashMap<>();

    Scope(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    void watch(String label, Path other) {
        extra.put(label, other.toAbsolutePath().normalize());
    }

    /** The run-relative name of {@code p}, or null when it is out of scope. */
    String relative(Path p) {
        if (p == null) {
            return null;
        }
        Path abs = p.toAbsolutePath().normalize();
        String name = under(root, abs);
        if (name != null) {
            return name;
        }
        for (Map.Entry<String, Path> e : extra.entrySet()) {
            String rel = under(e.getValue(), abs);
            if (rel != null) {
                return rel.equals(".") ? "@" + e.getKey() : "@" + e.getKey() + "/" + rel;
            }
        }
        return null;
    }

    String relative(File f) {
        return f == null || root.getFileSystem() != FileSystems.getDefault() && extra.isEmpty()
                ? null : relative(f.toPath());
    }

    /** Whether a path could be in both scopes: a root of one is, or lies under, a root of the other. */
    boolean overlaps(Scope other) {
        for (Path mine : roots()) {
            for (Path theirs : other.roots()) {
                if (mine.getFileSystem() == theirs.getFileSystem() && (mine.startsWith(theirs) || theirs.startsWith(mine))) {
                    return true;
                }
            }
        }
        return false;
    }

    private java.util.List<Path> roots() {
        java.util.List<Path> all = new java.util.ArrayList<>(extra.values());
        all.add(0, root);
        return all;
    }

    /** The name to print for the side of a move that may lie outside the scope. */
    String name(Path p) {
        String rel = relative(p);
        return rel != null ? rel : p.toAbsolutePath().normalize().toString();
    }

    private static String under(Path base, Path abs) {
        if (abs.getFileSystem() != base.getFileSystem() || !abs.startsWith(base)) {
            return null;
        }
        String rel = Snapshot.relative(base, abs);
        return rel.isEmpty() ? "." : rel;
    }
}
