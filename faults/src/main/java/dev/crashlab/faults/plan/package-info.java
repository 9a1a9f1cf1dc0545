/**
 * Fault plans, one behaviour each, composed with {@link dev.crashlab.faults.plan.FaultPlan#and}:
 * {@link dev.crashlab.faults.plan.CrashBefore}, {@link dev.crashlab.faults.plan.CrashAfter},
 * {@link dev.crashlab.faults.plan.CrashInsideWrite}, {@link dev.crashlab.faults.plan.CrashMidSerialization},
 * {@link dev.crashlab.faults.plan.FailAt}, {@link dev.crashlab.faults.plan.ShortWrite},
 * {@link dev.crashlab.faults.plan.CrossDeviceMove}, {@link dev.crashlab.faults.plan.RefuseAtomicMove},
 * {@link dev.crashlab.faults.plan.MoveAsCopy},
 * {@link dev.crashlab.faults.plan.PauseAt}; {@link dev.crashlab.faults.plan.CrashPoints} enumerates
 * every point of a fault-free trace, and {@link dev.crashlab.faults.plan.ThrowingValue} is a value
 * whose serializer fails. Where faults are injected: the record step asks the plan before and after
 * each operation.
 */
package dev.crashlab.faults.plan;
