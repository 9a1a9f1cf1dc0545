/**
 * Workloads: the short sequences of puts, reads and clears the campaign runs on each target, every
 * one of up to 3 steps over 2 keys enumerated up to renaming keys, shortest first (ACE's bounds).
 * What the record step runs.
 */
package dev.crashlab.scenarios.workload;
