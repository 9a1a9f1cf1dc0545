package dev.crashlab.scenarios.api;

import java.util.List;

/**
 * What {@code crashlab check --target CLASS --classpath CP} loads: a public class with a public
 * no-argument constructor that describes the target to check.
 */
public interface CrashTargetProvider {

    CrashTarget target();

    /**
     * The durability options of the same code that {@code crashlab bench --target CLASS} prices side
     * by side, each a target of its own: an option differs in its writer and in what it claims (an
     * fsync per record claims G3, none claims less), which is what a target describes. Names must
     * differ. By default the one {@link #target()}, so every provider can be benchmarked.
     */
    default List<CrashTarget> variants() {
        return List.of(target());
    }
}
