package dev.crashlab.faults.oracle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's writeback clock (vm.dirty_expire_centisecs, vm.dirty_writeback_centisecs) set for
 * one file system's run and put back as it was when closed, whatever happened in between.
 */
final class Writeback implements AutoCloseable {

    private static final String EXPIRE = "vm.dirty_expire_centisecs";
    private static final String FLUSH = "vm.dirty_writeback_centisecs";

    private final Map<String, String> saved = new LinkedHashMap<>();

    private final Thread restoreAtExit = new Thread(this::close, "kernel-oracle-writeback-restore");

    Writeback(FsSetup setup) {
        set(EXPIRE, setup.expireCentisecs());
        set(FLUSH, setup.flushCentisecs());
        // A test JVM stopped by Surefire's timeout or a ^C still puts the machine's clocks back.
        Runtime.getRuntime().addShutdownHook(restoreAtExit);
    }

    /** Through sysctl(8): a JVM's write of "500" to /proc/sys/vm left 5 there (6.18). */
    private void set(String knob, int value) {
        if (value < 0) {
            return;
        }
        try {
            saved.put(knob, Shell.run("sysctl", "-n", knob));
            Shell.run("sysctl", "-q", "-w", knob + "=" + value);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (Thread.currentThread() != restoreAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreAtExit);
            } catch (IllegalStateException | IllegalArgumentException exiting) {
                // the JVM is exiting or the hook was never added: it restores, or there is nothing to restore
            }
        }
        saved.forEach((knob, value) -> Shell.run("sysctl", "-q", "-w", knob + "=" + value));
        saved.clear();
    }
}
