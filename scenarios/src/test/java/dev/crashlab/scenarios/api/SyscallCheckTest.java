package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.syscall.SyscallRecording;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A writer that hands its work to other processes (cp, mv, sync), checked through the API: the JVM
 * recording misses what the children did, so the check switches to the system calls and says so;
 * the unsynced script is caught, the synced one (the reference protocol, in coreutils) passes, and
 * what this mode cannot judge is never shown as held.
 */
class SyscallCheckTest {

    private static final List<Context> POWER = List.of(Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX);

    @BeforeAll
    static void straceRuns() {
        String why = SyscallRecording.unavailable();
        Assumptions.assumeTrue(why == null, () -> "system-call recording skipped: " + why);
    }

    /** cp to a temp name, mv it over the file: atomic against a process crash, nothing fsynced. */
    public static final class Unsynced implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return script("unsynced-cp-mv", List.of(List.of("cp", "staging", "settings.tmp"),
                    List.of("mv", "settings.tmp", "settings")));
        }
    }

    /** The same with coreutils' sync: the copy fsynced before the rename, the directory after it. */
    public static final class Synced implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return script("synced-cp-mv", List.of(List.of("cp", "staging", "settings.tmp"), List.of("sync", "settings.tmp"),
                    List.of("mv", "settings.tmp", "settings"), List.of("sync", ".")));
        }
    }

    /** cp straight over the file: it is truncated, then written, and a reader between the two finds it empty. */
    public static final class InPlace implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return script("in-place-cp", List.of(List.of("cp", "staging", "settings")));
        }
    }

    static CrashTarget script(String name, List<List<String>> commands) {
        return CrashTarget.builder(name)
                .setUp(root -> Files.writeString(root.resolve("settings"), "v1"))
                .writer(root -> {
                    Files.writeString(root.resolve("staging"), "v2");
                    for (List<String> command : commands) {
                        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
                        if (p.waitFor() != 0) {
                            throw new IllegalStateException(command + " exited with " + p.exitValue());
                        }
                    }
                })
                .reader(root -> Files.readString(root.resolve("settings"), StandardCharsets.UTF_8), "v1", "v2")
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    private static CrashTarget load(Class<?> provider) {
        try (ProviderLoader loader = ProviderLoader.open("")) {
            return loader.target(provider.getName());
        }
    }

    @Test
    void theUnsyncedScriptIsCaughtAtTheSystemCalls() {
        CrashResult r = CrashCheck.run(load(Unsynced.class));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("unsynced-cp-mv: recorded at the system calls (strace),"
                + " because the JVM recording did not see all of its writer's I/O: settings")), String.join("\n", r.notes()));
        assertEquals(Status.HELD, r.verdict(Guarantee.G2, Context.PROCESS_CRASH).status());
        assertEquals(Status.HELD, r.verdict(Guarantee.G3, Context.PROCESS_CRASH).status());
        assertEquals(Status.HELD, r.verdict(Guarantee.G2, Context.ORDERED).status());
        assertEquals(Status.VIOLATED, r.verdict(Guarantee.G2, Context.EXT4_LIKE).status(), "the ext4 zero-length file");
        for (Context m : POWER) {
            assertEquals(Status.VIOLATED, r.verdict(Guarantee.G3, m).status(), m.wireName());
        }
        String told = r.verdict(Guarantee.G3, Context.ORDERED).counterexample().describe();
        assertTrue(told.contains("renameat(2) in mv"), "the operation at stake is mv's rename: " + told);
        assertTrue(told.contains("at dev.crashlab.scenarios.api.SyscallCheckTest.lambda$script$"),
                "the staging file the JVM also saw written keeps its Java source line: " + told);
        assertTrue(told.contains("WRITE           settings.tmp @0 +2 bytes  at copy_file_range(2) in cp")
                && !told.contains("+0 bytes"), "cp's copy is a write of the bytes it copied, its last empty copy"
                + " nothing: " + told);
        assertG1Held(r);
    }

    @Test
    void theSyncedScriptHoldsUnderEveryModel() {
        CrashResult r = CrashCheck.run(load(Synced.class));
        for (Context m : List.of(Context.PROCESS_CRASH, Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX)) {
            assertEquals(Status.HELD, r.verdict(Guarantee.G2, m).status(), m.wireName());
            assertEquals(Status.HELD, r.verdict(Guarantee.G3, m).status(), m.wireName());
        }
        assertG1Held(r);
    }

    @Test
    void aReaderBesideCpWritingInPlaceFindsTheFileEmpty() {
        CrashResult r = CrashCheck.run(load(InPlace.class));
        var g1 = r.verdict(Guarantee.G1, Context.CONCURRENT_READER);
        assertEquals(Status.VIOLATED, g1.status(), String.join("\n", r.notes()));
        String told = g1.counterexample().describe();
        assertTrue(told.contains("writer paused before operation #4 while the reader ran"), told);
        assertTrue(told.contains("TRUNCATE        settings to 0 bytes  at openat(2) in cp\n  --> crash here"), told);
        assertTrue(told.contains("reader saw: \"\"\n"), "the reader found the file cp had emptied: " + told);
        assertTrue(told.contains("at dev.crashlab.scenarios.api.SyscallCheckTest.lambda$script$"),
                "the staging file the JVM also saw written keeps its Java source line: " + told);
    }

    @Test
    void theJvmRecordingAloneRefuses() {
        CrashTarget jvmOnly = load(Unsynced.class).recordedBy(CrashTarget.IoRecording.JVM);
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.run(jvmOnly));
        assertTrue(e.getMessage().startsWith("the writer of unsynced-cp-mv did I/O the instrumentation cannot see"),
                e.getMessage());
    }

    @Test
    void aTargetNotLoadedFromItsProviderCannotSwitchAndIsRefused() {
        TargetFailedException e = assertThrows(TargetFailedException.class,
                () -> CrashCheck.run(new Unsynced().target()));
        assertTrue(e.getMessage().contains("and it cannot be recorded at the system calls instead: the system-call"
                + " recording runs the writer in a child JVM"), e.getMessage());
    }

    /** mv renames the copy over the file: a reader held beside the writer at every call finds v1, then v2. */
    private static void assertG1Held(CrashResult r) {
        var g1 = r.verdict(Guarantee.G1, Context.CONCURRENT_READER);
        assertEquals(Status.HELD, g1.status(), String.join("\n", r.notes()));
        assertTrue(g1.checks() > 3, "a reading at each call that changed the root: " + g1.checks());
    }
}
