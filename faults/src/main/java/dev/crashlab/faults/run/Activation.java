package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;

/**
 * The only class that hands the interceptor to the bootstrap dispatcher. Kept apart from
 * {@link Run} because linking a class that mentions the dispatcher's types loads them, and they
 * must be loaded from the bootstrap loader, i.e. only after the agent has injected them there.
 */
final class Activation {

    private Activation() {
    }

    static void activate(Interceptor interceptor) {
        IoDispatch.hook = interceptor;
    }

    static void deactivate() {
        IoDispatch.hook = null;
    }
}
