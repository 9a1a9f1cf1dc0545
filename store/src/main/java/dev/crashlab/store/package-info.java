/**
 * The reference write-once store: what crashlab's pipeline (record, explore, judge, grade, report)
 * runs as its first target. One file per entry, published from an exclusively created temp file by
 * hard link ({@link dev.crashlab.store.RenamePublisher}), an invalid entry replaced under a
 * replacement marker ({@link dev.crashlab.store.Replacement}), entries read without following
 * links and within explicit limits ({@link dev.crashlab.store.EntryReader}), and the seeded-bug
 * protocols of the catalog beside it ({@link dev.crashlab.store.Protocol}).
 */
package dev.crashlab.store;
