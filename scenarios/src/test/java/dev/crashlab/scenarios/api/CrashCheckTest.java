package dev.crashlab.scenarios.api;

import dev.crashlab.scenarios.grade.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.plan.RefuseAtomicMove;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Environment;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API on a small third-party-style target ({@link SettingsFile}): every check fails on the
 * in-place writer and passes on the atomic one, a replay token replays, and the result becomes the
 * campaign's report.
 */
class CrashCheckTest {

    static final String OLD = "colour=blue\n";
    static final String NEW = "colour=green\n";

    static CrashResult inPlace;
    static CrashResult atomic;

    static CrashTarget.Builder settings(String name, CrashTarget.Action writer) {
        return CrashTarget.builder(name)
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(writer)
                .reader(SettingsFile::load, OLD, NEW)
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3);
    }

    static CrashTarget inPlaceTarget() {
        return settings("settings", dir -> SettingsFile.saveInPlace(dir, NEW)).build();
    }

    @BeforeAll
    static void check() {
        inPlace = CrashCheck.run(inPlaceTarget());
        atomic = CrashCheck.run(settings("settings", dir -> SettingsFile.saveAtomically(dir, NEW))
                .faults(new RefuseAtomicMove()).build());
    }

    @Test
    void overwritingInPlaceShowsAReaderAnEmptyFileAndACrashLeavesOne() {
        Verdict g1 = inPlace.verdict(Guarantee.G1, Context.CONCURRENT_READER);
        assertEquals(Status.VIOLATED, g1.status(), g1.describe());
        assertTrue(g1.counterexample().readerSaw().startsWith("\"\""), "the truncated file:\n" + g1.describe());
        assertTrue(g1.describe().contains("pause point: before #"), g1.describe());
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            Verdict g2 = inPlace.verdict(Guarantee.G2, m.name());
            assertEquals(Status.VIOLATED, g2.status(), g2.describe());
            assertTrue(g2.describe().contains("crash state: persisted"), g2.describe());
        }
        assertFalse(inPlace.passed());
        assertTrue(inPlace.describe().contains("claimed guarantee(s) broken"), inPlace.describe());
    }

    @Test
    void theAtomicProtocolHoldsEveryGuaranteeUnderEveryModel() {
        List<Verdict> noFault = atomic.verdicts().stream().filter(v -> v.fault().equals(Verdict.NO_FAULT)).toList();
        assertEquals(1 + 2 * PersistenceModel.builtIn().size(), noFault.size());
        noFault.forEach(v -> assertEquals(Status.HELD, v.status(), v.describe()));
    }

    @Test
    void aWriterThatFailsUnderAFaultLeavesTheOldValueAndNothingAcknowledged() {
        String fault = new RefuseAtomicMove().toString();
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            assertEquals(Status.HELD, atomic.verdict(Guarantee.G2, m.name(), fault).status());
            Verdict g3 = atomic.verdict(Guarantee.G3, m.name(), fault);
            assertEquals(Status.NOT_APPLICABLE, g3.status(), g3.describe());
            assertTrue(g3.describe().contains("the writer did not return under this fault"), g3.describe());
        }
        assertEquals(Status.HELD, atomic.verdict(Guarantee.G1, Context.CONCURRENT_READER, fault).status());
        assertEquals(1, atomic.notes().size(), atomic.notes().toString());
        assertTrue(atomic.notes().get(0).contains("AtomicMoveNotSupportedException"), atomic.notes().toString());
        assertTrue(atomic.passed());
    }

    @Test
    void aReaderWaitingForALockThePausedWriterHoldsReadsOnceItIsResumed() {
        Object lock = new Object(); // as Kafka's CheckpointFile: write and read synchronize on one lock
        CrashResult r = CrashCheck.run(CrashTarget.builder("settings-locked")
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(dir -> {
                    synchronized (lock) {
                        SettingsFile.saveInPlace(dir, NEW);
                    }
                })
                .reader(dir -> {
                    synchronized (lock) {
                        return SettingsFile.load(dir);
                    }
                }, OLD, NEW)
                .claims(Guarantee.G1)
                .models(List.of(new ProcessCrash()))
                .build());
        Verdict g1 = r.verdict(Guarantee.G1, Context.CONCURRENT_READER);
        assertEquals(Status.HELD, g1.status(), "the lock hides the in-place write from this reader:\n" + g1.describe());
        assertTrue(g1.checks() > 2, g1.title());
    }

    @Test
    void anUnclaimedGuaranteeThatBreaksIsThePriceOfNotClaimingItNotAFailure() {
        CrashResult r = CrashCheck.run(CrashTarget.builder("settings-no-claims")
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(dir -> SettingsFile.saveInPlace(dir, NEW))
                .reader(SettingsFile::load, OLD, NEW)
                .claims(Guarantee.G3)
                .models(List.of(new ProcessCrash()))
                .build());
        Verdict g2 = r.verdict(Guarantee.G2, Context.PROCESS_CRASH);
        assertEquals(Status.NOT_CLAIMED, g2.status());
        assertNotNull(g2.counterexample(), "shown for information");
        assertEquals(Status.HELD, r.verdict(Guarantee.G3, Context.PROCESS_CRASH).status());
        assertTrue(r.passed(), r.describe());
    }

    @Test
    void aReplayTokenReplaysTheSameCounterexampleAndNothingOnceTheTargetIsFixed() {
        Verdict found = inPlace.verdict(Guarantee.G2, Context.WEAKEST_POSIX);
        String token = found.counterexample().seed();
        assertTrue(token.startsWith("settings:0:weakest-posix:"), token);

        Optional<Verdict> again = CrashCheck.replay(inPlaceTarget(), token);

        assertEquals(found.counterexample(), again.orElseThrow().counterexample());
        CrashTarget fixed = settings("settings", dir -> SettingsFile.saveAtomically(dir, NEW)).build();
        assertEquals(Optional.empty(), CrashCheck.replay(fixed, token));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CrashCheck.replay(fixed, "other:0:ordered:1"));
        assertTrue(bad.getMessage().contains("is not a replay token of settings"), bad.getMessage());
    }

    @Test
    void theResultBecomesTheCampaignsReportWithOneTargetPerFault(@TempDir Path dir) throws Exception {
        CampaignResult report = atomic.toReport(Instant.EPOCH);
        assertEquals(List.of("settings", "settings under refuse ATOMIC_MOVE"),
                report.targets().stream().map(TargetResult::id).toList());
        assertTrue(report.passed());

        CampaignResult broken = inPlace.toReport(Instant.EPOCH);
        Cell g2 = broken.targets().get(0).cells().stream()
                .filter(c -> c.key().equals("G2/process-crash")).findFirst().orElseThrow();
        assertEquals(Status.VIOLATED, g2.status());
        assertEquals(inPlace.verdict(Guarantee.G2, Context.PROCESS_CRASH).counterexample(), g2.counterexample());
        assertTrue(broken.violations() > 0);
        Reports.write(broken, dir);
        assertEquals(broken, Reports.read(dir), "report.json reads back the same");
    }

    /** A user's target is not seeded and is no campaign: its reports name neither, and say where it ran. */
    @Test
    void aUsersReportNamesNoSeedAndNoCampaign() {
        CampaignResult report = inPlace.toReport(Instant.EPOCH);
        assertEquals(null, report.seed());
        assertEquals(List.of(Environment.here(Roots.parent())), report.environments());
        for (Format f : List.of(Format.MARKDOWN, Format.HTML, Format.JUNIT, Format.SARIF)) {
            String text = Reports.render(report, f);
            assertFalse(java.util.regex.Pattern.compile("\\bseed\\b").matcher(text).find(), f + " names a seed:\n" + text);
            assertFalse(text.contains("whole campaign"), f + ":\n" + text);
        }
        String summary = Reports.render(report, Format.MARKDOWN);
        assertFalse(summary.contains("seed") || summary.contains("campaign"), summary);
    }

    @Test
    void aWriterThatFailsWithNoFaultCannotBeChecked() {
        CrashTarget failing = CrashTarget.builder("failing").writer(dir -> {
            throw new IllegalStateException("no config directory");
        }).reader(SettingsFile::load, null, NEW).build();
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.run(failing));
        assertTrue(e.getMessage().startsWith("the writer of failing failed with no fault injected: "
                + "java.lang.IllegalStateException: no config directory"), e.getMessage());
    }

    @Test
    void theBuilderRefusesWhatCannotBeCheckedOrReported() {
        CrashTarget.Builder b = CrashTarget.builder("x");
        assertThrows(IllegalArgumentException.class, () -> b.claims(Guarantee.G5));
        IllegalArgumentException noRival = assertThrows(IllegalArgumentException.class, () -> CrashTarget.builder("w")
                .writer(dir -> { }).reader(dir -> null, null, null).claims(Guarantee.G4).build());
        assertTrue(noRival.getMessage().contains(".rival("), noRival.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrashTarget.builder("a:b"));
        assertThrows(NullPointerException.class, () -> b.build(), "no writer");
        PersistenceModel custom = new PersistenceModel() {
            @Override
            public String name() {
                return "my model: with a colon";
            }

            @Override
            public dev.crashlab.faults.crash.CrashSpace space(dev.crashlab.faults.crash.TraceFacts f, int p) {
                return dev.crashlab.faults.crash.CrashSpace.exact(p);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrashTarget.builder("x")
                .writer(dir -> { }).reader(SettingsFile::load, null, null).models(List.of(custom)).build());
        assertTrue(e.getMessage().contains("my model: with a colon"), "a name no report can carry: " + e.getMessage());
        assertEquals(Exploration.defaults(), CrashTarget.builder("x").writer(dir -> { })
                .reader(SettingsFile::load, null, null).build().exploration());
    }
}
