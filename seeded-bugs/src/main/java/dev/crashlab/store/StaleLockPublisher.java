package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Seeded bug stale-lock (seed 000): each put holds an exclusively created lock file beside the
 * entry. A writer that dies while holding it leaves it behind, and nothing ever removes it: every
 * later put of that key fails (G5).
 */
final class StaleLockPublisher implements Publisher {

    private final Steps steps;
    private final Publisher inner;

    StaleLockPublisher(Steps steps, Publisher inner) {
        this.steps = steps;
        this.inner = inner;
    }

    static Path lockFile(Put<?> put) {
        return put.entry.resolveSibling("." + put.hash + ".lock");
    }

    @Override
    public void publish(Put<?> put) throws IOException {
        Path lock = lockFile(put);
        try {
            Steps.openExclusive(lock).close();
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("Key " + put.describeKey() + " is locked by " + lock
                    + ", left by a writer that never released it. This protocol (stale-lock) has no recovery;"
                    + " delete the lock file by hand if no writer is running.", lock, e);
        } catch (IOException e) {
            throw new PutFailedException("create lock file", lock, put.describeKey(), e);
        }
        inner.publish(put);
        steps.step("delete lock file", lock, put, () -> {
            java.nio.file.Files.delete(lock);
            return null;
        });
    }

    @Override
    public boolean checksValueFirst() {
        return false;
    }
}
