package dev.crashlab.faults.run;

/** What the target does in one run; runs on the thread that started the run. */
@FunctionalInterface
public interface Workload {
    void run() throws Exception;
}
