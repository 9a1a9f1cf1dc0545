/**
 * JUnit 5 integration: a target's record -&gt; explore -&gt; judge -&gt; grade -&gt; report run as
 * one dynamic test per guarantee x context x fault ({@link dev.crashlab.scenarios.junit.CrashTests},
 * {@link dev.crashlab.scenarios.junit.CrashTest}); the report step writes the same four files as the
 * command line, under the build folder. JUnit comes from the user's project (provided scope).
 */
package dev.crashlab.scenarios.junit;
