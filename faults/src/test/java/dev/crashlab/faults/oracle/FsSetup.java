package dev.crashlab.faults.oracle;

import dev.crashlab.faults.crash.Ext4Like;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.WeakestPosix;
import java.util.List;
import java.util.Map;

/**
 * One file system as the kernel oracle runs it: how it is made and mounted, how the kernel's
 * writeback is tuned while the idioms run, which power cuts are taken at each pause point, and the
 * model its real states must all belong to.
 *
 * <p>Cuts at each pause point: {@code NOW} (the instant the writer stopped), {@code COMMITTED}
 * (after another process's fsync on the same file system committed the journal or forced the log,
 * as any other program may do at any time), {@code WRITTEN_BACK} and {@code TIMER} (after letting
 * the kernel's own flusher and commit timer run for {@link #writtenBackMillis} and
 * {@link #timerMillis}; the timer cut at every {@link #timerEvery}-th point only, to bound the
 * test's time). Those two waits are the oracle's real-time requirement: the kernel writes back on
 * its own clock, and the only way to see what it wrote is to let that clock run. They order no
 * threads of the test.
 *
 * @param mountOptions options of the file system the idioms run on
 * @param copyMountOptions options to mount a cut with (xfs refuses a second mount of one UUID)
 * @param expireCentisecs vm.dirty_expire_centisecs while it runs, or -1 to leave the kernel's
 * @param flushCentisecs vm.dirty_writeback_centisecs while it runs, or -1 to leave the kernel's
 * @param idioms which idioms it runs (a regular expression on their names)
 */
public record FsSetup(String name, String type, int megabytes, List<String> mkfs, Map<String, String> mkfsEnvironment,
               String mountOptions, String copyMountOptions, int expireCentisecs, int flushCentisecs,
               List<Cut> cuts, int writtenBackMillis, int timerMillis, int timerEvery, PersistenceModel model,
               String idioms) {

    public enum Cut { NOW, COMMITTED, WRITTEN_BACK, TIMER }

    /** The file systems and regimes the oracle runs, in order. */
    static List<FsSetup> all() {
        return List.of(
                // The measurement: no timer commit or flusher during the run, so every
                // state comes from the writer's own syncs and other processes' commits.
                ext4("ext4", "commit=60", List.of(Cut.NOW, Cut.COMMITTED), -1, -1, ".*", new Ext4Like(true)),
                // Only the writer's own syncs commit: what an fsync or fdatasync alone makes durable.
                ext4("ext4-no-commits", "commit=60", List.of(Cut.NOW), -1, -1, ".*", new Ext4Like(true)),
                // auto_da_alloc only acts on a rename over a file or a truncate to zero: the idioms that do those.
                ext4("ext4-noauto_da_alloc", "commit=60,noauto_da_alloc", List.of(Cut.NOW, Cut.COMMITTED), -1, -1,
                        ".*(rename|move|overwrite|replace|truncate|store-protocol).*", new Ext4Like()),
                new FsSetup("xfs", "xfs", 24, List.of("mkfs.xfs", "-q", "-f", "-l", "size=6m"),
                        // xfsprogs refuses a file system under 300 MB unless it is told it is a test's.
                        Map.of("QA_CHECK_FS", "1", "TEST_DIR", "/tmp", "TEST_DEV", "crashlab"),
                        "defaults", "nouuid", -1, -1, List.of(Cut.NOW, Cut.COMMITTED), 0, 0, 1, new Ext4Like(), ".*"),
                btrfs(Integer.getInteger("crashlab.kernel.btrfsMegabytes", 24)),
                // The kernel on its own short clocks: data written back within 20 ms, a commit each second.
                ext4("ext4-fast-writeback", "commit=1", List.of(Cut.NOW, Cut.WRITTEN_BACK, Cut.TIMER), 2, 1, ".*",
                        new Ext4Like(true)));
    }

    /**
     * ext4 exactly as a machine mounts it by default (data=ordered, the kernel's 5 s journal commit and
     * writeback clocks, auto_da_alloc): where the study's findings are taken again on a real kernel.
     * Its cuts are taken by the caller, at the delays it chooses.
     */
    public static FsSetup ext4Defaults(int megabytes) {
        return ext4Study("ext4-defaults", "data=ordered", megabytes, new Ext4Like(true));
    }

    /** As {@link #ext4Defaults} but mounted {@code noauto_da_alloc}: what ext4 does without its rescue of replaced files. */
    public static FsSetup ext4NoAutoDaAlloc(int megabytes) {
        return ext4Study("ext4-noauto_da_alloc", "data=ordered,noauto_da_alloc", megabytes, new Ext4Like());
    }

    private static FsSetup ext4Study(String name, String options, int megabytes, PersistenceModel model) {
        return new FsSetup(name, "ext4", megabytes, List.of("mkfs.ext4", "-q", "-F"), Map.of(), options, "defaults", -1, -1,
                List.of(Cut.NOW), 0, 0, 1, model, ".*");
    }

    /**
     * btrfs in mixed block groups ({@code -M}), which fit it in 24 MiB instead of the 112 its separate
     * data and metadata groups need: every cut copies, compares and writes the whole device, so its
     * size is most of btrfs's time. {@code -Dcrashlab.kernel.btrfsMegabytes=112} runs the separate groups again.
     */
    private static FsSetup btrfs(int megabytes) {
        List<String> mkfs = megabytes < 100 ? List.of("mkfs.btrfs", "-q", "-f", "-M") : List.of("mkfs.btrfs", "-q", "-f");
        return new FsSetup("btrfs", "btrfs", megabytes, mkfs, Map.of(), "commit=1", "defaults", 2, 1,
                List.of(Cut.NOW, Cut.WRITTEN_BACK, Cut.TIMER), 30, 1200, 16, new WeakestPosix(), ".*");
    }

    private static FsSetup ext4(String name, String options, List<Cut> cuts, int expire, int flush, String idioms,
                                PersistenceModel model) {
        return new FsSetup(name, "ext4", 16, List.of("mkfs.ext4", "-q", "-F"), Map.of(), "data=ordered," + options,
                "defaults", expire, flush, cuts, 30, 1200, 16, model, idioms);
    }

    boolean runs(Idiom idiom) {
        return idiom.name().matches(idioms);
    }

    /** The tools this setup needs on the PATH. */
    List<String> tools() {
        return List.of(mkfs().get(0), "losetup", "mount", "umount");
    }
}
