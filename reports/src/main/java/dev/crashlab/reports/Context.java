package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fault context a cell was checked under: the persistence models (docs/architecture.md), plus the
 * contexts with no crash: the concurrent reader (what a reader sees while the writer is paused), a
 * live run, a corrupted entry, and a race of two actors; and any other persistence model a user
 * gives (e.g. {@code weakest-posix/512}), by its name. The built-in ones are single instances; the
 * wire names are part of the report.json contract.
 */
public final class Context implements Comparable<Context> {

    public static final Context PROCESS_CRASH = new Context("process-crash", "crash", 0);
    public static final Context ORDERED = new Context("ordered", "ord", 1);
    public static final Context EXT4_LIKE = new Context("ext4-like", "ext4", 2);
    public static final Context WEAKEST_POSIX = new Context("weakest-posix", "weak", 3);
    public static final Context CONCURRENT_READER = new Context("concurrent-reader", "reader", 4);
    /** The workload run with no fault, every key read after each step (write-once). */
    public static final Context LIVE = new Context("live", "live", 5);
    /** An entry damaged on disk, then read (recoverability of readers). */
    public static final Context CORRUPT_ENTRY = new Context("corrupt-entry", "corrupt", 6);
    /** Two actors racing at named pause points (the cache protocols, no stale reads; rival writers). */
    public static final Context RACE = new Context("race", "race", 7);

    /** The persistence models that stand for a power failure (every built-in one but a process crash). */
    public static final List<Context> POWER_FAILURE = List.of(ORDERED, EXT4_LIKE, WEAKEST_POSIX);

    private static final List<Context> BUILT_IN = List.of(PROCESS_CRASH, ORDERED, EXT4_LIKE, WEAKEST_POSIX,
            CONCURRENT_READER, LIVE, CORRUPT_ENTRY, RACE);
    /** A user's model name: printable, short, and free of what would break a token or a table. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=/+-]{0,63}");

    private final String wireName;
    private final String shortName;
    private final int rank;

    private Context(String wireName, String shortName, int rank) {
        this.wireName = wireName;
        this.shortName = shortName;
        this.rank = rank;
    }

    /** The built-in contexts, in report order. */
    public static Context[] values() {
        return BUILT_IN.toArray(new Context[0]);
    }

    /** The name used in report.json and on the command line, e.g. "ext4-like". */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** A column header narrow enough for the matrix, e.g. "ext4". */
    public String shortName() {
        return shortName;
    }

    /**
     * Whether a state of this model stands for a power failure: every persistence model but a process
     * crash, a user's too (a model that only keeps what the page cache held is a process crash by
     * another name, and none is needed).
     */
    public boolean isPowerFailure() {
        return POWER_FAILURE.contains(this) || !builtIn();
    }

    /** Whether this is one of the built-in contexts (a user's model is not). */
    public boolean builtIn() {
        return rank < BUILT_IN.size();
    }

    /** The built-in context with this name, or a user's persistence model of that name. */
    @JsonCreator
    public static Context fromWireName(String name) {
        for (Context m : BUILT_IN) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unknown model '" + name + "'; expected one of "
                    + BUILT_IN.stream().map(Context::wireName).toList() + ", or a persistence model's name"
                    + " (letters, digits and . _ = / + -, at most 64)");
        }
        return new Context(name, name, BUILT_IN.size());
    }

    /** The built-in contexts first, in their order, then users' models by name. */
    @Override
    public int compareTo(Context other) {
        return rank != other.rank ? Integer.compare(rank, other.rank) : wireName.compareTo(other.wireName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Context other && wireName.equals(other.wireName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
