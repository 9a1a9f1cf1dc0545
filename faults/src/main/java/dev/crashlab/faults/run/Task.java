package dev.crashlab.faults.run;

/** The code a run records: what the target does in one run, on the thread that started the run. */
@FunctionalInterface
public interface Task {
    void run() throws Exception;
}
