/**
 * Grade: where a verdict is decided. The one cell table every judge records its checks in
 * ({@link dev.crashlab.scenarios.grade.CellTable}), the one function that turns a cell's checks into
 * its status against what the target claims ({@link dev.crashlab.scenarios.grade.Grading}), the
 * {@link dev.crashlab.scenarios.grade.Verdict} it gives, and the one conversion of verdicts into the
 * reports' result model ({@link dev.crashlab.scenarios.grade.ReportAssembler}). A user's check, the
 * campaign (whose claims and seeded-bug catalog are its own table, {@code scenarios.catalog}), the
 * property tests and the benchmarks' "holds" column all grade here; the reports only print what was
 * decided. Pipeline: record -> explore -> judge -> <b>grade</b> -> explain -> report.
 */
package dev.crashlab.scenarios.grade;
