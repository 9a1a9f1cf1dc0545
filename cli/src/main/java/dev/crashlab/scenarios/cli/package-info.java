/**
 * The command line ({@code crashlab check | merge | report | replay}): picks the targets (the built-in
 * campaign, a shard of it, or a user's target loaded from {@code --classpath}), runs record -&gt;
 * explore -&gt; judge -&gt; grade through the campaign or the API, and ends in the report step: the
 * files of the reports module, summary.md on the console, and the exit code CI acts on.
 */
package dev.crashlab.scenarios.cli;
