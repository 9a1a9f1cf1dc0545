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

    Writeback(FsSetup setup) {
        set(EXPIRE, setup.expireCentisecs());
        set(FLUSH, setup.flushCentisecs());
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
    public void close() {
        saved.forEach((knob, value) -> Shell.run("sysctl", "-q", "-w", knob + "=" + value));
        saved.clear();
    }
}
