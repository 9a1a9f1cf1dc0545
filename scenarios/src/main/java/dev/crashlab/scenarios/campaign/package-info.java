/**
 * The campaign: the explore, judge and grade stages of record -> explore -> judge -> grade ->
 * report for the built-in targets. Each workload is recorded once ({@link
 * dev.crashlab.scenarios.campaign.Recording}), then every probe explores it in its context (crash
 * states under each persistence model, a paused writer with a reader, a deleter, a second writer,
 * racing writers over an invalid entry, a cleanup, a damaged or non-regular entry), and a {@link
 * dev.crashlab.scenarios.campaign.Tally} keeps each target x guarantee x context cell's checks and
 * smallest counterexample, graded by {@link dev.crashlab.scenarios.grade.Grading} against the
 * claims table. The rest is scheduling: lanes, budgets and shards over targets.
 */
package dev.crashlab.scenarios.campaign;
