/**
 * The oracles that keep the recording and the models honest, over a corpus of file-writing idioms:
 * strace (the operations recorded are the system calls made), kill -9 (the process-crash state the
 * record -> explore stages compute for a crash point is what a real SIGKILL at that point leaves),
 * and the kernel (every state a real power cut leaves on ext4, xfs or btrfs, a loop device copied
 * at a pause point and mounted, is one the file system's persistence model allows).
 * Tests only; they judge the record and explore stages from outside, against the kernel.
 */
package dev.crashlab.faults.oracle;
