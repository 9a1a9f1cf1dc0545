package dev.crashlab.scenarios.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Marks a method that returns a target's crash checks:
 *
 * <pre>{@code
 * @CrashTest
 * Stream<DynamicTest> checkpoint() {
 *     return CrashTests.of(CrashTarget.builder("checkpoint")...build());
 * }
 * }</pre>
 *
 * One test per guarantee x model x fault, named for a person ("checkpoint: G2 crash atomicity,
 * ext4-like, refuse ATOMIC_MOVE") in Surefire's and Gradle's reports alike, tagged {@code crashlab}
 * so a build can run them apart ({@code -Dgroups=crashlab}). The reports are written under the
 * build folder (see {@link CrashTests}). It is JUnit's {@code @TestFactory}: Jupiter requires a
 * factory to return its tests, which is why the method returns {@code CrashTests.of(target)}
 * rather than the target.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestFactory
@Tag("crashlab")
public @interface CrashTest {
}
