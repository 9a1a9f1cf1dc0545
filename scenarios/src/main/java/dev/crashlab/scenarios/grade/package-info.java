/**
 * Grade: where a verdict is decided. The one table of what each target claims and what each seeded
 * bug must break ({@link dev.crashlab.scenarios.grade.Claims}, {@link dev.crashlab.scenarios.grade.Catalog}),
 * and the one function that turns a cell's checks into its status ({@link dev.crashlab.scenarios.grade.Grading}).
 * The campaign's tally, the user's check, the property tests and the benchmarks' "holds" column all
 * read these; the reports only print what they decided. Pipeline: record -> explore -> judge ->
 * <b>grade</b> -> report.
 */
package dev.crashlab.scenarios.grade;
