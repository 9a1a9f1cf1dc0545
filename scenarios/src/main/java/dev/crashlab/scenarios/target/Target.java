package dev.crashlab.scenarios.target;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.workload.Step;
import java.nio.file.Path;

/**
 * Code under test, as the campaign drives it: a writer performing workload steps on a root
 * directory, a reader, and the guarantees it claims. The reference store with each protocol is one
 * (see {@link StoreTarget}); a user's own code is another.
 */
public interface Target {

    /** A stable id for reports, e.g. "reference/FILE_AND_DIRECTORY" or a catalog id such as "stream-to-final". */
    String id();

    /** True for the seeded bugs of the catalog: their findings are expected, not failures. */
    boolean seededBug();

    /** The source material a seeded bug comes from ("000".."003"), or null. */
    default String seed() {
        return null;
    }

    /** Whether the target promises {@code g} in {@code context} (a built-in context or a persistence model). */
    boolean claims(Guarantee g, Context context);

    /**
     * Performs one step against the files under {@code root}. Returning normally means the step was
     * acknowledged; a put refused because the key holds another value throws.
     */
    void perform(Path root, Step step) throws Exception;

    /** What this target's own reader finds for {@code key} under {@code root}. Never throws. */
    Observation read(Path root, String key);
}
