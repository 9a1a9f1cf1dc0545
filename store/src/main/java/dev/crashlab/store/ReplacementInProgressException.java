package dev.crashlab.store;

import java.nio.file.Path;

/**
 * A put found the key's invalid entry being replaced by another writer that is still running, and
 * gave up after a bounded wait rather than race it. Nothing was published by this put; the other
 * writer's value (if it completes) is the key's value.
 */
public class ReplacementInProgressException extends StoreException {

    public ReplacementInProgressException(Path marker, String key, String owner) {
        super("Put of key " + key + " gave up: another writer (" + owner + ") is replacing the key's invalid entry"
                + " right now (marker " + marker + "). Nothing was published by this put. Retry it: once the other"
                + " writer finishes, the key holds its value (a put of the same value is then a no-op).", marker, null);
    }
}
