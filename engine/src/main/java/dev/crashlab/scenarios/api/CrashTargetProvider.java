package dev.crashlab.scenarios.api;

/**
 * What {@code crashlab check --target CLASS --classpath CP} loads: a public class with a public
 * no-argument constructor that describes the target to check.
 */
public interface CrashTargetProvider {

    CrashTarget target();
}
