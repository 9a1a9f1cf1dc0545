/**
 * Record, one level down: the writer and everything it starts (JNI libraries, child processes)
 * traced at the system calls with strace, and those calls turned into the same
 * {@link dev.crashlab.faults.trace.IoTrace} the JVM recording gives, so native stores are explored
 * and judged like Java ones. {@link dev.crashlab.faults.syscall.SyscallRecording} (the public entry
 * point) runs a command under {@code StraceCommand}; {@code CallLog} joins the log's lines into
 * calls, {@code Call} splits one, {@code Kernel} follows descriptors, names and inodes as the
 * kernel does and emits the operations under the root, refusing with the call site what it cannot
 * decode (io_uring, AIO, writes through a shared writable map). For G1, {@code StoppedRun} follows
 * the log of a run that strace stops after each call that may change the root, and {@code HeldTree}
 * holds the whole process tree still while a reader reads. Pipeline: <b>record</b> -> explore ->
 * judge -> grade -> report.
 */
package dev.crashlab.faults.syscall;
