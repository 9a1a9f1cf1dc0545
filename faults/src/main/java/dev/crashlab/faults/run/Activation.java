package dev.crashlab.faults.run;

/**
 * The only class that hands interceptors to the bootstrap dispatcher (through the {@link Router}). Kept apart from
 * {@link Run} because linking a class that mentions the dispatcher's types loads them, and they
 * must be loaded from the bootstrap loader, i.e. only after the agent has injected them there.
 */
final class Activation {

    private Activation() {
    }

    static void activate(Interceptor interceptor) {
        Router.INSTANCE.add(interceptor);
    }

    static void deactivate(Interceptor interceptor) {
        Router.INSTANCE.remove(interceptor);
    }
}
