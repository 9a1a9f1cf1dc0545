package dev.crashlab.store;

import java.nio.file.Path;

/** A put asked for a value different from the one the key already holds: entries are write-once (G4). */
public class EntryExistsException extends StoreException {

    public EntryExistsException(Path file, String key) {
        super("Key " + key + " already holds a different value (" + file + "). Entries are write-once: "
                + "use another key, or putIfAbsent to keep the stored value.", file, null);
    }
}
