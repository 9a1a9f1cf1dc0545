/**
 * The campaign: the explore, judge and grade stages of record -> explore -> judge -> grade ->
 * report for the built-in targets. Each workload is recorded once ({@link
 * dev.crashlab.scenarios.campaign.Recording}), then every probe explores it in its context (crash
 * states under each persistence model, a paused writer with a reader, a deleter, a second writer,
 * racing writers over an invalid entry, a cleanup, a damaged or non-regular entry), and records
 * each check in the target's {@link dev.crashlab.scenarios.grade.CellTable}, the one a user's check
 * records in too, which keeps each cell's smallest counterexample and grades it against the claims
 * table. The rest is scheduling: lanes, budgets and shards over targets.
 */
package dev.crashlab.scenarios.campaign;
