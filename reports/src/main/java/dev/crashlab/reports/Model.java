package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fault context a cell was checked under: the persistence models of the design notes, plus the
 * contexts with no crash: the concurrent reader (what a reader sees while the writer is paused), a
 * live run, a corrupted entry, and a race of two actors. The wire names are part of the report.json contract.
 */
public enum Model {
    @JsonProperty("process-crash") PROCESS_CRASH("process-crash", "crash"),
    @JsonProperty("ordered") ORDERED("ordered", "ord"),
    @JsonProperty("ext4-like") EXT4_LIKE("ext4-like", "ext4"),
    @JsonProperty("weakest-posix") WEAKEST_POSIX("weakest-posix", "weak"),
    @JsonProperty("concurrent-reader") CONCURRENT_READER("concurrent-reader", "reader"),
    /** The workload run with no fault, every key read after each step (write-once). */
    @JsonProperty("live") LIVE("live", "live"),
    /** An entry damaged on disk, then read (recoverability of readers). */
    @JsonProperty("corrupt-entry") CORRUPT_ENTRY("corrupt-entry", "corrupt"),
    /** Two actors racing at named pause points (the cache protocols, no stale reads). */
    @JsonProperty("race") RACE("race", "race");

    private final String wireName;
    private final String shortName;

    Model(String wireName, String shortName) {
        this.wireName = wireName;
        this.shortName = shortName;
    }

    /** The name used in report.json and on the command line, e.g. "ext4-like". */
    public String wireName() {
        return wireName;
    }

    /** A column header narrow enough for the matrix, e.g. "ext4". */
    public String shortName() {
        return shortName;
    }

    /** The model with this wire name; for command-line parsing. */
    public static Model fromWireName(String name) {
        for (Model m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Model::wireName).toList());
    }
}
