/**
 * Record, and where faults are injected: running a workload under the instrumentation.
 * {@link dev.crashlab.faults.run.Run} (the public entry point) gives a
 * {@link dev.crashlab.faults.run.RunResult}: the I/O trace, proven complete for a fault-free run.
 *
 * <p>Behind the bootstrap dispatcher, each piece has one job: {@code Interceptor} admits the
 * target's calls ({@code Reentrancy}), {@code Calls} decodes an advised JDK call into the operation
 * it makes ({@code EntryOp} on names, {@code HandleOp} and {@code WriteOp} through a handle,
 * {@code OpenOp}, {@code MoveOp}, {@code CopyOp}, {@code MemoryWriteOp} for serialization), each
 * operation asks the fault plan before it happens and is recorded ({@code Recorder}) after it did;
 * {@code Liveness} keeps the simulated crash, {@code Pauses} the pause points, {@code BlindSpots}
 * what cannot be followed. Pipeline: <b>record</b> -> explore -> judge -> grade -> report.
 */
package dev.crashlab.faults.run;
