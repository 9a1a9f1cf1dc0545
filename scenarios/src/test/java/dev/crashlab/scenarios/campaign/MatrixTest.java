package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.catalog.Catalog;
import dev.crashlab.reports.Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.workload.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;

/**
 * The proof that the harness works: the default campaign finds every seeded bug of the catalog in
 * the cells where it breaks, with a counterexample of at most 5 steps, and finds nothing wrong with
 * the reference protocol under any durability option.
 */
// First, so that the shorter test classes run beside it rather than it alone at the end.
@Order(1)
class MatrixTest {

    static final long SEED = 20261122L;
    static CampaignRun result;
    static CampaignConfig config;

    @BeforeAll
    static void runTheDefaultCampaign() {
        config = CampaignConfig.defaults(SEED);
        result = Campaign.run(config);
        System.out.println("default campaign: " + result.wallMillis() + " ms, workloads per target " + result.workloads());
        System.out.println(result.summary());
    }

    @Test
    void everySeededBugIsFoundWhereItBreaks() {
        List<String> missed = new ArrayList<>();
        for (Catalog.Entry bug : Catalog.ENTRIES) {
            for (Map.Entry<Guarantee, Set<Context>> g : bug.mustBreak().entrySet()) {
                for (Context context : g.getValue()) {
                    Status s = result.verdict(bug.id(), g.getKey(), context).map(Verdict::status).orElse(Status.NOT_APPLICABLE);
                    if (s != Status.VIOLATED) {
                        missed.add(bug.id() + " " + g.getKey() + " @ " + context + ": " + s);
                    }
                }
            }
        }
        assertEquals(List.of(), missed, "seeded bugs the campaign failed to detect (a broken check)");
    }

    /** What the main job exits on: a seeded bug breaking a guarantee the catalog does not list is a violation. */
    @Test
    void everyGuaranteeASeededBugBreaksIsCatalogued() {
        List<String> uncatalogued = new ArrayList<>();
        for (Catalog.Entry bug : Catalog.ENTRIES) {
            result.verdicts().stream().filter(v -> v.cell().target().equals(bug.id()))
                    .filter(v -> v.status() == Status.VIOLATED && !bug.guarantees().contains(v.cell().guarantee()))
                    .forEach(v -> uncatalogued.add(v.describe()));
        }
        assertEquals(List.of(), uncatalogued, "findings the catalog does not list: a new finding or a false alarm");
    }

    @Test
    void everyCounterexampleIsSmallAndReplayable() {
        for (Verdict v : result.verdicts()) {
            if (v.counterexample() != null) {
                assertTrue(v.counterexample().workload().size() <= 5, v.describe());
                assertTrue(v.counterexample().seed().startsWith(SEED + ":" + v.cell().target() + ":"), v.counterexample().seed());
            }
        }
    }

    @Test
    void theReferenceProtocolIsCleanForEveryGuaranteeItClaims() {
        String violations = result.verdicts().stream()
                .filter(v -> v.cell().target().startsWith("reference/") || v.cell().target().endsWith("-fixed"))
                .filter(v -> v.status() == Status.VIOLATED)
                .map(v -> v.describe()).collect(Collectors.joining("\n"));
        assertEquals("", violations);
    }

    /**
     * The explain stage names each writer-side bug's class on every violated G1, G2, G3 and G5 cell,
     * with a fix that judging the edited trace again verified (a leftover lock has none to verify).
     */
    @Test
    void everySeededBugIsExplainedByItsClassWithAVerifiedFix() {
        List<String> wrong = new ArrayList<>();
        for (Catalog.Entry bug : Catalog.ENTRIES) {
            for (Verdict v : result.verdicts()) {
                if (!v.cell().target().equals(bug.id()) || v.status() != Status.VIOLATED
                        || !Set.of(Guarantee.G1, Guarantee.G2, Guarantee.G3, Guarantee.G5).contains(v.cell().guarantee())
                        || Set.of(Context.LIVE, Context.RACE, Context.CORRUPT_ENTRY).contains(v.cell().context())) {
                    continue;
                }
                var found = v.vulnerability();
                var expected = bug.vulnerability();
                if (expected.isEmpty()) {
                    if (found != null) {
                        wrong.add(v.cell() + ": a reader-side bug explained as " + found.kind());
                    }
                } else if (found == null || found.kind() != expected.get()) {
                    wrong.add(v.cell() + ": expected " + expected.get() + ", got " + (found == null ? "none" : found.kind()));
                } else if (found.kind() != dev.crashlab.reports.VulnerabilityClass.UNRECOVERABLE_LEFTOVER
                        && found.fix().outcome() != dev.crashlab.reports.Fix.Outcome.VERIFIED) {
                    wrong.add(v.cell() + ": fix not verified: " + found.describe(v.cell().context().wireName()));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(result.verdicts().stream().filter(v -> v.cell().target().startsWith("reference/"))
                .allMatch(v -> v.vulnerability() == null), "the reference protocol has no vulnerability");
    }

    /**
     * The hostile contexts ran on the reference under every option and held: racing writers over an
     * invalid entry and over one deleted by hand (G4 @ race), a cleanup racing a live writer (G5 @
     * race), every damage and every non-regular file at an entry's path (G5 @ corrupt-entry).
     */
    @Test
    void theHostileContextsRanOnTheReferenceAndHeld() {
        for (String option : List.of("NONE", "FILE", "FILE_AND_DIRECTORY")) {
            String target = "reference/" + option;
            for (Guarantee g : List.of(Guarantee.G4, Guarantee.G5)) {
                assertEquals(Status.HELD, result.verdict(target, g, Context.RACE).orElseThrow().status(), target + " " + g);
            }
            Verdict corrupt = result.verdict(target, Guarantee.G5, Context.CORRUPT_ENTRY).orElseThrow();
            assertEquals(Status.HELD, corrupt.status(), target);
            assertEquals(CorruptionProbe.DAMAGES.size() + CorruptionProbe.ODDITIES.size(), corrupt.checks(),
                    "every damage and every non-regular file was checked on " + target);
        }
    }

    @Test
    void noneBreaksOnlyWhatItDoesNotClaim() {
        for (Context context : Context.POWER_FAILURE) {
            Status g2 = result.verdict("reference/NONE", Guarantee.G2, context).orElseThrow().status();
            assertTrue(g2 == Status.NOT_CLAIMED || g2 == Status.HELD, "NONE G2 @ " + context + ": " + g2);
        }
        assertEquals(Status.NOT_CLAIMED, result.verdict("reference/NONE", Guarantee.G3, Context.WEAKEST_POSIX)
                .orElseThrow().status(), "losing an acknowledged put to a power failure is the price of NONE");
        assertEquals(Status.HELD, result.verdict("reference/NONE", Guarantee.G2, Context.PROCESS_CRASH)
                .orElseThrow().status());
    }

    @Test
    void fsyncBugsBreakOnlyUnderThePowerFailureModelsThatAllowIt() {
        for (Context context : List.of(Context.PROCESS_CRASH, Context.ORDERED)) {
            assertEquals(Status.HELD, result.verdict("rename-no-fsync", Guarantee.G2, context).orElseThrow().status(),
                    "rename-no-fsync G2 @ " + context);
        }
        assertEquals(Status.HELD, result.verdict("no-dir-fsync", Guarantee.G3, Context.PROCESS_CRASH).orElseThrow().status());
        assertEquals(Status.HELD, result.verdict("stream-to-final", Guarantee.G3, Context.PROCESS_CRASH).orElseThrow().status());
    }

    /**
     * The workloads' values are shared by every run, trace, expectation and check of the campaign,
     * never copied: anything that wrote into one would change what later targets are judged against.
     */
    @Test
    void theCampaignLeftEveryValueAsItWasMade() {
        for (Value v : config.bounds().values()) {
            assertEquals(Value.sized(v.name(), v.size()), v, v.name());
        }
    }

    /**
     * Prints the matrix as the closing note's table, and holds each row to what it says: every
     * catalogued (bug, guarantee) broken under some context, by a counterexample of 1 to 5 steps,
     * detected at a measured time. A cache protocol's G7 race has no workload steps: its counterexample
     * is the interleaving itself, which its fault names (the two actors and the pause point). How long
     * detection took is printed, not bounded (no timed assertions).
     */
    @Test
    void printTheMatrix() {
        System.out.println("| bug | guarantee | broken under | counterexample steps | first detected after |");
        System.out.println("|---|---|---|---|---|");
        List<String> wrong = new ArrayList<>();
        for (Catalog.Entry bug : Catalog.ENTRIES) {
            for (Guarantee g : new java.util.TreeSet<>(bug.guarantees())) {
                List<Verdict> broken = result.verdicts().stream().filter(v -> v.cell().target().equals(bug.id()))
                        .filter(v -> v.cell().guarantee() == g && v.status() == Status.VIOLATED).toList();
                String contexts = broken.stream().map(v -> v.cell().context().wireName()).sorted().collect(Collectors.joining(", "));
                int steps = broken.stream().mapToInt(v -> v.counterexample().workload().size()).max().orElse(0);
                long ms = broken.stream().mapToLong(Verdict::detectedAfterMs).min().orElse(-1);
                String row = String.format("| %s | %s | %s | %d | %d ms |", bug.id(), g, contexts, steps, ms);
                System.out.println(row);
                boolean interleavingOnly = !broken.isEmpty() && broken.stream().allMatch(v -> Context.RACE.equals(v.cell().context())
                        && v.counterexample().workload().isEmpty() && v.counterexample().fault().contains("paused at"));
                if (contexts.isEmpty() || (steps < 1 && !interleavingOnly) || steps > 5 || ms < 0) {
                    wrong.add(row);
                }
            }
        }
        assertEquals(List.of(), wrong, "rows without a context, with a counterexample of no steps (other than"
                + " a race's interleaving) or of more than 5, or without a detection time");
    }
}
