package dev.crashlab.store;

import java.nio.file.Path;

/**
 * The entry file for a key holds a complete entry of another key: a hash collision, or a file
 * copied from another entry. Reported rather than answered, so a reader never gets another key's value.
 */
public class KeyCollisionException extends StoreException {

    public KeyCollisionException(Path file, String key, String storedKey) {
        super("Entry file " + file + " was looked up for key " + key + " but holds key " + storedKey
                + ": a hash collision, or a file copied from another entry. If the file was copied, delete it;"
                + " otherwise these two keys cannot share this store.", file, null);
    }
}
