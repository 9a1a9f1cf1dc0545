/**
 * Judge: where a verdict on one crash state of the reference store is decided. The G1-G6
 * {@link dev.crashlab.scenarios.check.Checker}s read a materialized state through the store's own
 * reader and compare what they find with {@link dev.crashlab.scenarios.check.Expectations} taken
 * from the workload (never from what the store did). Pipeline: record -> explore -> <b>judge</b> ->
 * grade -> report.
 */
package dev.crashlab.scenarios.check;
