package dev.crashlab.scenarios.sequence;

/**
 * What {@code crashlab check --target CLASS --classpath CP} loads for a sequence check: a public
 * class with a public no-argument constructor that describes it, as a
 * {@link dev.crashlab.scenarios.api.CrashTargetProvider} describes one target.
 */
public interface SequencesProvider {

    Sequences<?, ?> sequences();
}
