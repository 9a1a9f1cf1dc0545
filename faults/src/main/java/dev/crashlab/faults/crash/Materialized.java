package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One crash state written out as a directory tree; closing it deletes the tree. */
public final class Materialized implements AutoCloseable {

    private final Path root;

    Materialized(Path root) {
        this.root = root;
    }

    /** The run root as the crash left it: the directory the target's paths are relative to. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        try {
            Materializer.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove crash state " + root, e);
        }
    }
}
