/**
 * The cache protocols of seeds 002 and 003 (a read-through cache, a page cache), their seeded bugs
 * and fixed forms, and the G7 races that judge them: a reader or an invalidation paused at each
 * point while the other side runs. Record, explore and judge in one, for G7 (no stale reads).
 */
package dev.crashlab.scenarios.cache;
