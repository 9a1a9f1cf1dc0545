/**
 * crashlab's real-world study: one {@link dev.crashlab.scenarios.api.CrashTargetProvider} per
 * library and workload, each in its library's package, written against the public API only and
 * checked unmodified by {@code ./crashlab check --target}; {@link study.Table} turns the reports
 * into the table of docs/study.md. Sits outside the pipeline: it is what a user of crashlab writes.
 */
package study;
