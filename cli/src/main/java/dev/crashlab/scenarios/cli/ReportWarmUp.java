package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Reports;

/**
 * The reports' warm-up ({@link Reports#warmUp}) on a thread of its own, so that on a second core
 * it overlaps the instrumentation's install instead of following the check. It must be over before
 * the run starts: the run sees the I/O of every thread, the in-memory writes a serializer makes
 * included, and its interleaver looks at which thread holds which lock.
 */
final class ReportWarmUp {

    private final Thread thread;

    private ReportWarmUp(Thread thread) {
        this.thread = thread;
    }

    static ReportWarmUp start() {
        Thread thread = new Thread(Reports::warmUp, "crashlab-report-warm-up");
        // a failed start of the command must not wait for it
        thread.setDaemon(true);
        thread.start();
        return new ReportWarmUp(thread);
    }

    /** Returns once the warm-up is over; an interrupt is kept for the caller, not lost, and does not cut the wait short. */
    void awaitEnd() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
