package dev.crashlab.faults.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pause point: the target's thread waits while a callback runs on a thread of the harness's
 * (whose I/O is neither recorded nor faulted), and resumes once it finished. No clock.
 */
final class Pauses {

    private final Reentrancy threads;
    private final List<Throwable> callbackErrors = Collections.synchronizedList(new ArrayList<>());

    Pauses(Reentrancy threads) {
        this.threads = threads;
    }

    void pause(int index, Runnable callback) {
        Thread other = new Thread(callback, "crashlab-pause-before-" + index);
        other.setUncaughtExceptionHandler((t, e) -> callbackErrors.add(e));
        threads.environment(other);
        other.start();
        boolean interrupted = false;
        while (true) {
            try {
                other.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        threads.leave(other);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<Throwable> callbackErrors() {
        synchronized (callbackErrors) {
            return List.copyOf(callbackErrors);
        }
    }
}
