/**
 * The I/O trace: what the record step hands to every later one. {@link dev.crashlab.faults.trace.IoTrace}
 * is the snapshot of the root before the workload and the ordered {@link dev.crashlab.faults.trace.IoOp}s
 * the kernel performed, each of one {@link dev.crashlab.faults.trace.OpKind}, with the target's source
 * line and, for an operation through a handle, the trace position the handle was opened at.
 */
package dev.crashlab.faults.trace;
