/**
 * Explore: where crash states are built. {@link dev.crashlab.faults.crash.TraceFacts} reads a
 * recorded trace as the kernel keeps it (handles bound to files, names to directory entries, which
 * fsync covers what); a {@link dev.crashlab.faults.crash.PersistenceModel} says, per crash point,
 * which operations a crash may have lost or torn ({@link dev.crashlab.faults.crash.ProcessCrash},
 * {@link dev.crashlab.faults.crash.Ordered}, {@link dev.crashlab.faults.crash.Ext4Like},
 * {@link dev.crashlab.faults.crash.WeakestPosix}); {@link dev.crashlab.faults.crash.CrashStates}
 * enumerates the distinct states each model allows (exhaustively within a bound, then ALICE's
 * passes and a seeded sample) by replaying the trace in memory as extents of the trace's arrays
 * ({@link dev.crashlab.faults.crash.Extents}), telling duplicates apart by a digest that reuses
 * the digests of blocks seen before, and {@link dev.crashlab.faults.crash.Materializer} writes a
 * state out for a reader, straight from its extents.
 *
 * <p>Pipeline: record -> <b>explore</b> -> judge -> grade -> report.
 */
package dev.crashlab.faults.crash;
