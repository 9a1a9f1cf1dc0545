package dev.crashlab.faults.crash;

/**
 * The process dies, the machine does not: the kernel's page cache survives, so every operation
 * that returned before the crash point is visible and nothing is lost, reordered or torn. A
 * write interrupted halfway is a different fault (the fault plan shortens it in the trace).
 */
public final class ProcessCrash implements PersistenceModel {

    @Override
    public String name() {
        return "process-crash";
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        return CrashSpace.exact(crashPoint);
    }
}
