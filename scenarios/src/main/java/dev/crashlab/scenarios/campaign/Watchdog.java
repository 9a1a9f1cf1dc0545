package dev.crashlab.scenarios.campaign;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a target's read or put where a hang is one of the possible findings (a FIFO opened
 * blocking, a put that loops on a link): the campaign must report it, not hang with it. The cap is
 * generous (a hang is forever, a read is milliseconds), so no verdict depends on the machine's
 * speed; a hung call is then unjammed by removing what it is stuck on, so its thread can end.
 */
final class Watchdog {

    static final Duration CAP = Duration.ofSeconds(20);

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "crashlab-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** What a guarded call did: returned a value, threw, or did not return within the cap. */
    record Outcome<T>(T value, Throwable error, boolean hung) {
        @Override
        public String toString() {
            return hung ? "no answer within " + CAP.toSeconds() + " s (a hang)" : error != null ? "threw " + error : String.valueOf(value);
        }
    }

    private Watchdog() {
    }

    static <T> Outcome<T> call(Callable<T> action, Runnable unjam) {
        Future<T> f = THREADS.submit(action);
        try {
            return new Outcome<>(f.get(CAP.toMillis(), TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            THREADS.submit(unjam);
            return new Outcome<>(null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return new Outcome<>(null, e, false);
        }
    }
}
