package dev.crashlab.faults.crash;

import java.util.List;

/**
 * Which operations a crash may lose, reorder or tear. A model only describes the space of crash
 * states at one crash point; counting, enumerating, sampling, deduplicating and building them is
 * the same for every model (see {@link CrashStates}), so a user's own model is one method.
 */
public interface PersistenceModel {

    /** A short stable name for reports, e.g. {@code ext4-like}. */
    String name();

    /** The crash states this model allows when the process dies after {@code crashPoint} operations. */
    CrashSpace space(TraceFacts facts, int crashPoint);

    /** The four built-in models, weakest last, with the default sector size. */
    static List<PersistenceModel> builtIn() {
        return List.of(new ProcessCrash(), new Ordered(), new Ext4Like(), new WeakestPosix());
    }
}
