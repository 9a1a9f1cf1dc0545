/**
 * Checking your own code: {@link dev.crashlab.scenarios.api.CrashTarget} describes what a writer does
 * and what a reader must find; {@link dev.crashlab.scenarios.api.CrashCheck} records the writer
 * (proving the trace complete), explores its crash states and pause points (a reader, after the
 * target's recovery, at each of the writer's; each writer paused at each of its points while another
 * writes), judges each with the reader, grades the cells against the claims ({@code Cells}, through {@link dev.crashlab.scenarios.grade.Grading}),
 * explains each violation (the explain stage), and returns a {@link dev.crashlab.scenarios.api.CrashResult} that becomes the
 * reports module's result. Pipeline: record -> explore -> judge -> grade -> explain -> report, for
 * one user target.
 */
package dev.crashlab.scenarios.api;
