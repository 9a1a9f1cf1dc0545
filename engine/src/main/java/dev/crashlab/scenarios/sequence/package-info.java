/**
 * Property-based crash checks of a user's own store: from the operations of its API, small argument
 * domains and a model in plain Java, generates operation sequences (every sequence up to a length,
 * then seeded random ones), turns each into a {@link dev.crashlab.scenarios.api.CrashTarget} whose
 * writer acknowledges each acknowledged operation, and hands it to the one engine
 * ({@link dev.crashlab.scenarios.api.CrashCheck}: record, explore, judge, grade, explain). It adds
 * only what sits before and after that pipeline: generation, shrinking a failing sequence to a
 * minimal one, and the replay token that names the sequence; for a store two writers share, a
 * rival writer and the judge of what a race may leave (every order of the two writers' steps that
 * real time allows, run on the model). No property-testing library: the
 * enumeration, the random walk and the shrinker are small and crashlab's own.
 */
package dev.crashlab.scenarios.sequence;
