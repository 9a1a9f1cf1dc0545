/**
 * Deterministic interleavings without clocks: one side paused at a named point while the other
 * runs to completion (or blocks on what the paused side holds), then resumed. The explore step's
 * tool for paused readers and racing writers.
 */
package dev.crashlab.scenarios.interleave;
