/**
 * The report step of record -&gt; explore -&gt; judge -&gt; grade -&gt; report: the one result model
 * (targets, guarantee x model cells, counterexamples, budget, shard, seed) and its renderings:
 * report.json with its schema, report.html, summary.md, junit.xml and report.sarif; plus the merge
 * of a split campaign's shards.
 */
package dev.crashlab.reports;
