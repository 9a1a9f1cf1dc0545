/**
 * What each guarantee costs, measured with JMH: store puts per durability option and seeded bug
 * against the bare system calls they make (the floors), group commit, SQLite and H2 MVStore as
 * peers, and the harness's own costs (idle instrumentation, crash states judged per second); then
 * the cost table, chart and reports ({@code ./crashlab bench}). With {@code --target}, the same for a
 * user's own writer: each of its variants timed without instrumentation against the machine's floors,
 * beside the verdicts of its crash check ({@link dev.crashlab.benchmarks.WriterBench}).
 */
package dev.crashlab.benchmarks;
