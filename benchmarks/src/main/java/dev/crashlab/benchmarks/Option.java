package dev.crashlab.benchmarks;

import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.util.Arrays;

/**
 * The choices a user compares: the reference protocol under each durability option, and the seeded
 * bugs whose cost differs from it. A seeded bug runs under FILE_AND_DIRECTORY because that is the
 * durability it claims to give; under NONE most of them do exactly what the reference does.
 *
 * <p>{@link #floor} names the bare syscall sequence ({@link BareProtocolFloor}) that performs the
 * same file operations with no store logic: the ratio store/floor is what the store's own work costs.
 */
public enum Option {
    NONE("NONE", Protocol.REFERENCE, Durability.NONE, "NONE"),
    FILE("FILE", Protocol.REFERENCE, Durability.FILE, "FILE"),
    FILE_AND_DIRECTORY("FILE_AND_DIRECTORY", Protocol.REFERENCE, Durability.FILE_AND_DIRECTORY, "FILE_AND_DIRECTORY"),
    STREAM_TO_FINAL("stream-to-final", Protocol.STREAM_TO_FINAL, Durability.FILE_AND_DIRECTORY, "stream-to-final"),
    RENAME_NO_FSYNC("rename-no-fsync", Protocol.RENAME_NO_FSYNC, Durability.FILE_AND_DIRECTORY, "rename-no-fsync"),
    // Same file operations as FILE (fsync the file, never the directory), so it shares FILE's floor.
    NO_DIR_FSYNC("no-dir-fsync", Protocol.NO_DIR_FSYNC, Durability.FILE_AND_DIRECTORY, "FILE");

    /** The JMH parameter value and the table's label. */
    public final String label;
    public final Protocol protocol;
    public final Durability durability;
    /** The {@link BareProtocolFloor} parameter value with the same syscalls. */
    public final String floor;

    Option(String label, Protocol protocol, Durability durability, String floor) {
        this.label = label;
        this.protocol = protocol;
        this.durability = durability;
        this.floor = floor;
    }

    public static Option of(String label) {
        return Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown option " + label + "; known: "
                        + Arrays.toString(Arrays.stream(values()).map(o -> o.label).toArray())));
    }

    /** The label, with the durability a seeded bug claims, as the table shows it. */
    public String describe() {
        return protocol == Protocol.REFERENCE ? label : label + " (claims " + durability + ")";
    }
}
