/**
 * The Maven plugin: {@code prepare-agent} puts the recording agent on the test JVM (the record step
 * of record -&gt; explore -&gt; judge -&gt; grade -&gt; report, for {@code @CrashTest}s), and {@code
 * check} runs the whole pipeline on the project's targets at {@code verify} through the
 * command-line jar, failing the build on a violation.
 */
package dev.crashlab.maven;
