package dev.crashlab.reports;

import static dev.crashlab.reports.Guarantee.G1;
import static dev.crashlab.reports.Guarantee.G2;
import static dev.crashlab.reports.Guarantee.G3;
import static dev.crashlab.reports.Guarantee.G4;
import static dev.crashlab.reports.Guarantee.G5;
import static dev.crashlab.reports.Guarantee.G6;
import static dev.crashlab.reports.Guarantee.G7;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Realistic campaign results for tests: the reference store under two durability options, a few
 * seeded bugs from the catalog with their expected findings, and optionally a user target with a
 * real violation. Shaped like what the campaign engine will produce, so renderings are tested on
 * believable data rather than on one-cell toys.
 */
final class SampleResults {

    static final long SEED = 7_340_031_889_120_554_113L;
    static final Instant STARTED = Instant.parse("2026-11-22T15:00:00Z");
    static final Environment ENVIRONMENT = new Environment("Eclipse Adoptium", "17.0.13+11", "Linux",
            "6.1.0-18-amd64", "amd64", "/dev/shm", "tmpfs");

    private SampleResults() {
    }

    /** Every claimed guarantee holds; the seeded bugs are caught. CI should pass. */
    static CampaignResult passing() {
        return result(targets(false), benchmarks());
    }

    /** As {@link #passing()}, plus a user's config writer that breaks G2 and G3 under power failure. */
    static CampaignResult failing() {
        return result(targets(true), benchmarks());
    }

    /** A failing result whose user target has the given (hostile) id and reader observation. */
    static CampaignResult withTargetId(String id) {
        List<TargetResult> targets = new ArrayList<>(targets(false));
        targets.add(target(id).claims(G1, G2, G4, G5, G6).violated(G2, Context.WEAKEST_POSIX, 40, 12,
                cx(SEED + 99, id, "config.json", id, CrashPosition.AFTER)).build());
        return result(targets, List.of());
    }

    /** A fix longer than any label, as the explain stage words one for a user's writer. */
    static final String LONG_FIX = "write the new contents to config.json.tmp in the same directory, fsync it"
            + " (FileChannel.force(true)), then rename it over config.json with ATOMIC_MOVE and fsync the directory,"
            + " before ConfigWriter.save(ConfigWriter.java:41)";

    /**
     * What a check of a user's own target writes: no seed (its walk is not seeded), no seeded bugs,
     * one violation whose fix is {@link #LONG_FIX}.
     */
    static CampaignResult userCheck() {
        Counterexample cx = cx(SEED + 10, "save(config v2)", "config.json", "config.json is empty", CrashPosition.AFTER);
        Vulnerability v = cx.vulnerability();
        cx = cx.explainedBy(new Vulnerability(v.kind(), v.atStake(), v.site(), new Fix(LONG_FIX, Fix.Outcome.VERIFIED, "")));
        TargetResult user = target("com.example.ConfigWriter").claims(G1, G2, G3, G4, G5, G6)
                .violated(G2, Context.EXT4_LIKE, 40, 3, cx).build();
        return result(List.of(user), List.of()).unseeded();
    }

    static CampaignResult result(List<TargetResult> targets, List<BenchmarkRow> benchmarks) {
        long states = targets.stream().mapToLong(TargetResult::statesExplored).sum();
        return CampaignResult.of("0.1.0-SNAPSHOT", SEED, new Budget(600_000L, null), STARTED, 83_412L,
                new Counts(1_204, 9_870, states), targets, benchmarks).ranIn(ENVIRONMENT);
    }

    private static List<TargetResult> targets(boolean withUserViolation) {
        List<TargetResult> out = new ArrayList<>();
        out.add(target("reference/FILE_AND_DIRECTORY").claims(G1, G2, G3, G4, G5, G6).build());
        out.add(target("reference/NONE").claims(G1, G4, G5, G6).claimsUnder(G2, Context.PROCESS_CRASH,
                        Context.CONCURRENT_READER)
                .notClaimedBroken(G2, Context.EXT4_LIKE, cx(SEED + 1, "put(k1, 'v1', NONE)", "k1",
                        "entry k1 is 0 bytes (renamed, data never persisted)", CrashPosition.AFTER))
                .build());
        out.add(target("stream-to-final").seeded("000", G1, G2, G5).claims(G1, G2, G4, G5, G6)
                .violated(G1, Context.CONCURRENT_READER, 12, 3, cx(SEED + 2, "put(k1, 'hello world', FILE)", "k1",
                        "'hello w' (7 of 11 bytes)", CrashPosition.INSIDE))
                .violated(G2, Context.PROCESS_CRASH, 30, 5, cx(SEED + 3, "put(k1, 'hello world', FILE)", "k1",
                        "'hello w' (7 of 11 bytes)", CrashPosition.INSIDE))
                .violated(G5, Context.PROCESS_CRASH, 30, 9, cx(SEED + 4, "put(k1, 'hello world', FILE)", "k1",
                        "get(k1) returned empty; corrupt entry reported as absent", CrashPosition.INSIDE))
                .build());
        out.add(target("rename-no-fsync").seeded("000", G2, G3).claims(G1, G2, G3, G4, G5, G6)
                .violated(G2, Context.EXT4_LIKE, 220, 41, cx(SEED + 5, "put(k1, 'v1', FILE_AND_DIRECTORY)", "k1",
                        "entry k1 exists with 0 bytes", CrashPosition.AFTER))
                .violated(G3, Context.WEAKEST_POSIX, 350, 77, cx(SEED + 6, "put(k1, 'v1', FILE_AND_DIRECTORY)",
                        "k1", "absent after the put returned", CrashPosition.AFTER))
                .build());
        out.add(target("cache-ahead").seeded("002", G7).claims(G1, G7).notApplicable(G2, G3)
                .violated(G7, Context.CONCURRENT_READER, 64, 18, cx(SEED + 7, "load(k1) || flush(k1)", "k1",
                        "'v1' served after invalidation completed", CrashPosition.BEFORE))
                .build());
        if (withUserViolation) {
            out.add(target("com.example.ConfigWriter").claims(G1, G2, G3, G4, G5, G6)
                    .violated(G2, Context.WEAKEST_POSIX, 410, 96, cx(SEED + 8, "save(config v2)", "config.json",
                            "config.json holds 4096 bytes of v2 then zeros", CrashPosition.AFTER))
                    .violated(G3, Context.EXT4_LIKE, 120, 30, cx(SEED + 9, "save(config v2)", "config.json",
                            "config.json holds v1 after save(v2) returned", CrashPosition.AFTER))
                    .build());
        }
        return out;
    }

    static List<BenchmarkRow> benchmarks() {
        return List.of(
                new BenchmarkRow("put 1 KiB", "NONE", EnumSet.of(G1, G4, G5, G6),
                        new Estimate(14.2, 0.6), new Estimate(13.1, null), new Estimate(31.0, null),
                        new Estimate(70_400, 2_100.0)),
                new BenchmarkRow("put 1 KiB", "FILE", EnumSet.of(G1, G2, G4, G5, G6),
                        new Estimate(812.5, 22.4), new Estimate(790.0, null), new Estimate(1_420.0, null),
                        new Estimate(1_230, 40.0)),
                new BenchmarkRow("put 1 KiB", "FILE_AND_DIRECTORY", EnumSet.of(G1, G2, G3, G4, G5, G6),
                        new Estimate(1_604.9, 35.1), new Estimate(1_580.0, null), new Estimate(2_710.0, null),
                        new Estimate(623, 15.0)));
    }

    /** A counterexample with the reference-shaped trace of one put, as the faults module records it. */
    static Counterexample cx(long seed, String step, String key, String saw, CrashPosition position) {
        String tmp = "." + key + ".tmp-1f2e";
        List<TraceOp> trace = List.of(
                new TraceOp(0, "CREATE", tmp, null, "Store.put(Store.java:88)"),
                new TraceOp(1, "WRITE", tmp, "@0 +11 bytes", "Store.put(Store.java:91)"),
                new TraceOp(2, "FSYNC_FILE", tmp, null, "Store.put(Store.java:92)"),
                new TraceOp(3, "CLOSE", tmp, null, "Store.put(Store.java:93)"),
                new TraceOp(4, "MOVE", tmp + " -> " + key, "(atomic)", "Store.put(Store.java:95)"),
                new TraceOp(5, "FSYNC_DIRECTORY", ".", null, "Store.put(Store.java:97)"));
        CrashPoint crash = switch (position) {
            case BEFORE -> new CrashPoint(4, CrashPosition.BEFORE, null);
            case INSIDE -> new CrashPoint(1, CrashPosition.INSIDE, "7 of 11 bytes reached the file");
            case AFTER -> new CrashPoint(4, CrashPosition.AFTER, "power failure after the rename");
        };
        Fates provenance = position == CrashPosition.AFTER
                ? new Fates(List.of(0, 3, 4), List.of(2), List.of(new TornOp(1, "sector 0 kept, rest zeroed")))
                : new Fates(List.of(0), List.of(), List.of());
        Counterexample found = new Counterexample(String.valueOf(seed),
                position == CrashPosition.AFTER ? "power failure" : "process crash",
                List.of(step, "get(" + key + ")"), trace, crash, provenance, saw,
                List.of("absent", "'v1' (complete)"), "Store.put(Store.java:95)");
        // a power failure's counterexample comes explained, as the explain stage leaves it
        return position != CrashPosition.AFTER ? found : found.explainedBy(new Vulnerability(
                VulnerabilityClass.DATA_NOT_DURABLE_BEFORE_PUBLISH, List.of(trace.get(1), trace.get(4)),
                "Store.put(Store.java:95)", new Fix("add an fsync of " + tmp + " before Store.put(Store.java:95)",
                Fix.Outcome.VERIFIED, "")));
    }

    static TargetBuilder target(String id) {
        return new TargetBuilder(id);
    }

    /** Builds a target's cells: claimed guarantees held under every model unless told otherwise. */
    static final class TargetBuilder {
        private final String id;
        private boolean seeded;
        private String source;
        private Set<Guarantee> expected = EnumSet.noneOf(Guarantee.class);
        private final List<Cell> cells = new ArrayList<>();

        TargetBuilder(String id) {
            this.id = id;
        }

        TargetBuilder seeded(String source, Guarantee... expected) {
            this.seeded = true;
            this.source = source;
            this.expected = EnumSet.copyOf(List.of(expected));
            return this;
        }

        /** Held under every model where applicable; not claimed for the rest of G1..G7 with G7 n/a. */
        TargetBuilder claims(Guarantee... claimed) {
            Set<Guarantee> set = EnumSet.copyOf(List.of(claimed));
            for (Guarantee g : Guarantee.values()) {
                for (Context m : Context.values()) {
                    Status s = set.contains(g) ? Status.HELD
                            : g == G7 ? Status.NOT_APPLICABLE : Status.NOT_CLAIMED;
                    put(new Cell(g, m, s, s == Status.HELD ? 20L + 7L * g.ordinal() + java.util.Arrays.asList(Context.values()).indexOf(m) : 0, null, null));
                }
            }
            return this;
        }

        /** Claimed under these models only; not claimed under the others. */
        TargetBuilder claimsUnder(Guarantee g, Context... models) {
            Set<Context> set = Set.of(models);
            for (Context m : Context.values()) {
                put(new Cell(g, m, set.contains(m) ? Status.HELD : Status.NOT_CLAIMED, 25, null, null));
            }
            return this;
        }

        TargetBuilder notApplicable(Guarantee... gs) {
            for (Guarantee g : gs) {
                for (Context m : Context.values()) {
                    put(new Cell(g, m, Status.NOT_APPLICABLE, 0, null, null));
                }
            }
            return this;
        }

        TargetBuilder violated(Guarantee g, Context m, long states, long ttdMillis, Counterexample cx) {
            return put(new Cell(g, m, Status.VIOLATED, states, ttdMillis, cx));
        }

        TargetBuilder notClaimedBroken(Guarantee g, Context m, Counterexample cx) {
            return put(new Cell(g, m, Status.NOT_CLAIMED, 18, 4L, cx));
        }

        TargetBuilder put(Cell cell) {
            cells.removeIf(c -> c.key().equals(cell.key()));
            cells.add(cell);
            return this;
        }

        TargetResult build() {
            return new TargetResult(id, seeded, source, expected, cells);
        }
    }
}
