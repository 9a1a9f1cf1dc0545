/**
 * Running a workload under the instrumentation: {@link dev.crashlab.faults.run.Run} (the public
 * entry point) and {@link dev.crashlab.faults.run.RunResult}; the rest is the interceptor behind the
 * bootstrap dispatcher and is package-private.
 */
package dev.crashlab.faults.run;
