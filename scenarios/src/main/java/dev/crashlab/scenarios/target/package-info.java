/**
 * The built-in targets: the reference store under each durability option and each seeded bug, as
 * the campaign records and explores them. What each claims is the campaign's table ({@link
 * dev.crashlab.scenarios.catalog.Claims}); the guarantees and contexts are the reports' vocabulary.
 */
package dev.crashlab.scenarios.target;
