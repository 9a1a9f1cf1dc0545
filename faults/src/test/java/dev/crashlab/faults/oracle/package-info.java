/**
 * The two oracles that keep the recording honest, over a corpus of file-writing idioms: strace
 * (the operations recorded are the system calls made) and kill -9 (the process-crash state the
 * record -> explore stages compute for a crash point is what a real SIGKILL at that point leaves).
 * Tests only; they judge the record and explore stages from outside, against the kernel.
 */
package dev.crashlab.faults.oracle;
