package dev.crashlab.scenarios.catalog;

import dev.crashlab.reports.Context;
import static dev.crashlab.reports.Context.CONCURRENT_READER;
import static dev.crashlab.reports.Context.CORRUPT_ENTRY;
import static dev.crashlab.reports.Context.EXT4_LIKE;
import static dev.crashlab.reports.Context.LIVE;
import static dev.crashlab.reports.Context.ORDERED;
import static dev.crashlab.reports.Context.PROCESS_CRASH;
import static dev.crashlab.reports.Context.RACE;
import static dev.crashlab.reports.Context.WEAKEST_POSIX;

import dev.crashlab.reports.VulnerabilityClass;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seeded-bug catalog (docs/architecture.md, docs/store.md), with the cells each bug must break: the harness's
 * proof of itself. A campaign that leaves one of these cells held has a broken check.
 */
public final class Catalog {

    /** A seeded bug and the guarantee x context cells in which the campaign must find it. */
    public record Entry(String id, String seed, Map<Guarantee, Set<Context>> mustBreak) {
        public Set<Guarantee> guarantees() {
            return mustBreak.keySet();
        }

        /** The class the explain stage must name for this bug's violated G1, G2, G3 and G5 cells, if it is in the writer's trace. */
        public Optional<VulnerabilityClass> vulnerability() {
            return Optional.ofNullable(VULNERABILITIES.get(id));
        }
    }

    /**
     * The writer-side bugs' vulnerability classes. The reader-side bugs (exists-then-open,
     * swallow-corrupt) and the cache races have none: nothing in the writer's trace is at fault.
     */
    private static final Map<String, VulnerabilityClass> VULNERABILITIES = Map.of(
            "stream-to-final", VulnerabilityClass.VISIBLE_INTERMEDIATE_STATE,
            "temp-elsewhere", VulnerabilityClass.VISIBLE_INTERMEDIATE_STATE,
            "unlink-then-rename", VulnerabilityClass.NON_ATOMIC_REPLACE,
            "stale-lock", VulnerabilityClass.UNRECOVERABLE_LEFTOVER,
            "rename-no-fsync", VulnerabilityClass.DATA_NOT_DURABLE_BEFORE_PUBLISH,
            "no-dir-fsync", VulnerabilityClass.PUBLISH_NOT_DURABLE);

    private static final Set<Context> ALL_MODELS = Set.of(PROCESS_CRASH, ORDERED, EXT4_LIKE, WEAKEST_POSIX);

    public static final List<Entry> ENTRIES = List.of(
            // Beyond the source material's list, the harness's own findings: G4 under a second writer
            // (writing over the final name, or a replacing move, publishes over an entry a racing
            // writer was acknowledged for); G3 for temp-elsewhere (the cross-file-system copy is
            // never fsynced, so an acknowledged put can come back empty after a power failure) and
            // for unlink-then-rename (a crash between the unlink and the rename loses the entry an
            // earlier put was acknowledged for).
            new Entry("stream-to-final", "000", Map.of(
                    Guarantee.G1, Set.of(CONCURRENT_READER, PROCESS_CRASH),
                    Guarantee.G2, ALL_MODELS,
                    Guarantee.G4, Set.of(RACE),
                    Guarantee.G5, ALL_MODELS)),
            new Entry("temp-elsewhere", "001", Map.of(
                    Guarantee.G1, Set.of(CONCURRENT_READER, PROCESS_CRASH),
                    Guarantee.G2, ALL_MODELS,
                    Guarantee.G3, Set.of(ORDERED, EXT4_LIKE, WEAKEST_POSIX),
                    Guarantee.G4, Set.of(RACE))),
            new Entry("unlink-then-rename", "001", Map.of(
                    Guarantee.G1, Set.of(CONCURRENT_READER),
                    Guarantee.G3, ALL_MODELS,
                    Guarantee.G4, Set.of(LIVE, RACE))),
            new Entry("exists-then-open", "001", Map.of(
                    Guarantee.G1, Set.of(CONCURRENT_READER))),
            new Entry("swallow-corrupt", "001, 000", Map.of(
                    Guarantee.G5, Set.of(CORRUPT_ENTRY))),
            new Entry("stale-lock", "000", Map.of(
                    Guarantee.G5, ALL_MODELS)),
            new Entry("rename-no-fsync", "000", Map.of(
                    Guarantee.G2, Set.of(EXT4_LIKE, WEAKEST_POSIX),
                    Guarantee.G3, Set.of(EXT4_LIKE, WEAKEST_POSIX))),
            new Entry("no-dir-fsync", "000", Map.of(
                    Guarantee.G3, Set.of(ORDERED, EXT4_LIKE, WEAKEST_POSIX))),
            new Entry("cache-ahead", "002", Map.of(Guarantee.G7, Set.of(RACE))),
            new Entry("stale-page", "003", Map.of(Guarantee.G7, Set.of(RACE))));

    private Catalog() {
    }

    public static Optional<Entry> entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
