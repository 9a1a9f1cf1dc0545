/**
 * What the built-in campaign grades against: the claims of the reference store under each
 * durability option and the seeded-bug catalog, with the cells each bug must break
 * ({@link dev.crashlab.scenarios.catalog.Claims}, {@link dev.crashlab.scenarios.catalog.Catalog}).
 * The grading function itself is the engine's ({@code scenarios.grade}): a user's target brings its
 * own claims, the campaign brings these. Part of the grade step of record -> explore -> judge ->
 * <b>grade</b> -> explain -> report, for the built-in targets only.
 */
package dev.crashlab.scenarios.catalog;
