package dev.crashlab.scenarios.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The racer is let go (and the paused actor resumed) only when it cannot move before the actor
 * does. Threads are put in each state with latches and by watching their state, never with sleeps;
 * the watchdogs only fail a hang.
 */
class InterleaverTest {

    private static final Duration WATCHDOG = Duration.ofSeconds(60);

    /** Parks until {@code t} is in {@code state}. */
    private static void until(Thread t, Thread.State state) {
        while (t.getState() != state) {
            Thread.onSpinWait();
        }
    }

    /** A racer started to take {@code monitor}, once it is blocked there. */
    private static Thread blockedOn(Object monitor) {
        Thread racer = new Thread(() -> {
            synchronized (monitor) {
                monitor.hashCode();
            }
        });
        racer.start();
        until(racer, Thread.State.BLOCKED);
        return racer;
    }

    @Test
    void aRacerBlockedOnALockTheActorHoldsWaitsForTheActor() throws Exception {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            Object monitor = new Object();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread actor = new Thread(() -> {
                synchronized (monitor) {
                    holding.countDown();
                    await(release);
                }
            });
            actor.start();
            holding.await();
            Thread racer = blockedOn(monitor);
            assertTrue(Interleaver.waitsFor(racer, actor));
            release.countDown();
            actor.join();
            racer.join();
        });
    }

    @Test
    void aRacerDelayedByAThirdThreadThatIsRunningIsNotLetGo() throws Exception {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            Object monitor = new Object();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch judged = new CountDownLatch(1);
            Thread actor = new Thread(() -> await(judged));
            actor.start();
            Thread third = new Thread(() -> {
                synchronized (monitor) {
                    holding.countDown();
                    while (judged.getCount() > 0) {
                        Thread.onSpinWait(); // running, holding the lock: a delay, not a wait for the actor
                    }
                }
            });
            third.start();
            holding.await();
            Thread racer = blockedOn(monitor);
            assertFalse(Interleaver.waitsFor(racer, actor), "the third thread will release it without the actor");
            judged.countDown();
            racer.join();
            third.join();
            actor.join();
        });
    }

    @Test
    void aRacerWaitingOnAThreadThatWaitsForTheActorWaitsForTheActor() throws Exception {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            Object actorsMonitor = new Object();
            ReentrantLock thirdsLock = new ReentrantLock();
            CountDownLatch actorHolds = new CountDownLatch(1);
            CountDownLatch thirdHolds = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread actor = new Thread(() -> {
                synchronized (actorsMonitor) {
                    actorHolds.countDown();
                    await(release);
                }
            });
            Thread third = new Thread(() -> {
                thirdsLock.lock();
                try {
                    thirdHolds.countDown();
                    synchronized (actorsMonitor) {
                        actorsMonitor.hashCode();
                    }
                } finally {
                    thirdsLock.unlock();
                }
            });
            // The third starts once the actor holds the monitor: started together, it could take it first.
            actor.start();
            actorHolds.await();
            third.start();
            thirdHolds.await();
            until(third, Thread.State.BLOCKED);
            Thread racer = new Thread(() -> {
                thirdsLock.lock();
                thirdsLock.unlock();
            });
            racer.start();
            until(racer, Thread.State.WAITING);
            assertTrue(Interleaver.waitsFor(racer, actor), "the racer waits for the third, which waits for the actor");
            release.countDown();
            actor.join();
            third.join();
            racer.join();
        });
    }

    @Test
    void aReaderPausedBesideARunningLockHolderSeesThePausedState() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            Object monitor = new Object();
            AtomicReference<String> value = new AtomicReference<>("before");
            AtomicReference<String> seen = new AtomicReference<>();
            AtomicReference<Thread> racer = new AtomicReference<>();
            CountDownLatch holding = new CountDownLatch(1);
            Thread third = new Thread(() -> {
                synchronized (monitor) {
                    holding.countDown();
                    while (racer.get() == null || racer.get().getState() != Thread.State.BLOCKED) {
                        Thread.onSpinWait();
                    }
                }
            });
            third.start();
            holding.await();
            Interleaver.race(hook -> {
                value.set("paused");
                hook.reached("write");
                value.set("after");
            }, "write", () -> {
                racer.set(Thread.currentThread());
                synchronized (monitor) {
                    seen.set(value.get());
                }
            });
            third.join();
            assertEquals("paused", seen.get(), "the reader ran at the pause point, not after the actor resumed");
        });
    }

    /** What the paused actor does once resumed: opens the gate, waking every kind of waiter. */
    private static final class Gate {
        final Object monitor = new Object();
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.locks.Condition opened = lock.newCondition();
        volatile boolean open;
        volatile Thread parked;

        void open() {
            open = true;
            synchronized (monitor) {
                monitor.notifyAll();
            }
            lock.lock();
            try {
                opened.signalAll();
            } finally {
                lock.unlock();
            }
            java.util.concurrent.locks.LockSupport.unpark(parked);
        }
    }

    /** One way for a reader to wait for the writer; each timed one waits far longer than the watchdog allows. */
    interface Waiting {
        void until(Gate gate) throws Exception;
    }

    private static final long HOUR = java.util.concurrent.TimeUnit.HOURS.toMillis(1);

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Object.wait", "Object.wait(timeout)",
        "Condition.await(time)", "LockSupport.parkNanos", "Thread.sleep polling", "join on a thread that waits"})
    void aRacerThatWaitsInAnyWayLetsThePausedActorGo(String kind) {
        java.util.Map<String, Waiting> kinds = java.util.Map.of(
                "Object.wait", gate -> {
                    synchronized (gate.monitor) {
                        while (!gate.open) {
                            gate.monitor.wait();
                        }
                    }
                },
                "Object.wait(timeout)", gate -> {
                    synchronized (gate.monitor) {
                        while (!gate.open) {
                            gate.monitor.wait(HOUR);
                        }
                    }
                },
                "Condition.await(time)", gate -> {
                    gate.lock.lock();
                    try {
                        while (!gate.open) {
                            gate.opened.await(HOUR, java.util.concurrent.TimeUnit.MILLISECONDS);
                        }
                    } finally {
                        gate.lock.unlock();
                    }
                },
                "LockSupport.parkNanos", gate -> {
                    gate.parked = Thread.currentThread();
                    while (!gate.open) {
                        java.util.concurrent.locks.LockSupport.parkNanos(gate, HOUR * 1_000_000);
                    }
                },
                // the reader's own polling under test, not a sleep that orders the test's threads
                "Thread.sleep polling", gate -> {
                    while (!gate.open) {
                        Thread.sleep(1);
                    }
                },
                "join on a thread that waits", gate -> {
                    Thread helper = new Thread(() -> {
                        synchronized (gate.monitor) {
                            while (!gate.open) {
                                try {
                                    gate.monitor.wait();
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        }
                    });
                    helper.start();
                    helper.join();
                });
        assertTimeoutPreemptively(WATCHDOG, () -> {
            Gate gate = new Gate();
            AtomicReference<String> seen = new AtomicReference<>();
            Interleaver.race(hook -> {
                hook.reached("write");
                gate.open();
            }, "write", () -> {
                try {
                    kinds.get(kind).until(gate);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                seen.set(gate.open ? "open" : "gave up");
            });
            assertEquals("open", seen.get(), kind);
        }, () -> "the paused actor was never let go while the racer waited with " + kind);
    }

    @Test
    void aRacerJoiningAThreadThatIsRunningIsNotLetGo() throws Exception {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            CountDownLatch judged = new CountDownLatch(1);
            Thread actor = new Thread(() -> await(judged));
            actor.start();
            Thread running = new Thread(() -> {
                while (judged.getCount() > 0) {
                    Thread.onSpinWait(); // working: it will end without the actor
                }
            });
            running.start();
            Thread racer = new Thread(() -> {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            racer.start();
            until(racer, Thread.State.WAITING);
            assertFalse(Interleaver.waitsFor(racer, actor), "a join on a running thread is a delay");
            judged.countDown();
            racer.join();
            actor.join();
        });
    }


    @Test
    void oneRunRacedAtEachStepSeesTheActorParkedAtEveryOne() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            int[] done = {0};
            List<String> seen = new ArrayList<>();
            String blocked = Interleaver.raceAtEach(fiveWrites(done), step -> step + " after " + done[0], seen::add);
            assertEquals(null, blocked);
            assertEquals(List.of("write after 0", "write#2 after 1", "write#3 after 2", "write#4 after 3",
                    "write#5 after 4"), seen, "each reading taken with the actor parked at that step");
        });
    }

    @Test
    void aRacerReturningNothingEndsTheRacingAndTheActorRunsOnUnpaused() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            int[] done = {0};
            List<String> seen = new ArrayList<>();
            String blocked = Interleaver.raceAtEach(fiveWrites(done), step -> done[0] < 2 ? step : null, seen::add);
            assertEquals(null, blocked);
            assertEquals(List.of("write", "write#2"), seen);
            assertEquals(5, done[0], "the actor ran to its end");
        });
    }

    @Test
    void aRacerThatWaitsForTheParkedActorHandsItsStepBack() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            ReentrantLock lock = new ReentrantLock();
            List<String> seen = new ArrayList<>();
            boolean[] finished = {false};
            String blocked = Interleaver.raceAtEach(hook -> {
                hook.reached("open");
                lock.lock();
                try {
                    hook.reached("write"); // parked holding the lock the racer takes
                    hook.reached("sync");
                } finally {
                    lock.unlock();
                }
                finished[0] = true;
            }, step -> {
                lock.lock();
                lock.unlock();
                return step;
            }, seen::add);
            assertEquals("write", blocked, "the step the racer could not finish at");
            assertEquals(List.of("open"), seen, "a reading that waited for the actor to move is not the step's");
            assertTrue(finished[0], "the actor ran to its end");
        });
    }

    /** An actor reaching "write" five times, counting in {@code done} the writes it finished. */
    private static java.util.function.Consumer<PausePoints> fiveWrites(int[] done) {
        return hook -> {
            for (int i = 0; i < 5; i++) {
                hook.reached("write");
                done[0]++;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
