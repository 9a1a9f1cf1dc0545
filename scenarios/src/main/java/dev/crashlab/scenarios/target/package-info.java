/**
 * The built-in targets (the reference store under each durability option, each seeded bug), the
 * guarantees and the contexts (persistence models, paused readers, races) a cell is judged in: the
 * vocabulary the campaign's record, explore and judge steps share.
 */
package dev.crashlab.scenarios.target;
