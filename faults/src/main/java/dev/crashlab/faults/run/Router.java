package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hook while runs are in progress: hands each intercepted call to the interceptor of the run
 * its thread works for ({@link ActiveRuns#owner}). A call from a thread that works for none is
 * offered to each run in turn, as a lone run was offered every thread's calls: the first whose
 * scope it is in takes it, and a call in no run's scope passes untouched.
 */
final class Router implements IoDispatch.Hook {

    static final Router INSTANCE = new Router();

    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();

    private Router() {
    }

    synchronized void add(Interceptor interceptor) {
        interceptors.add(interceptor);
        IoDispatch.hook = this;
    }

    /** Once no run is in progress, the advice goes back to its one volatile read. */
    synchronized void remove(Interceptor interceptor) {
        interceptors.remove(interceptor);
        if (interceptors.isEmpty()) {
            IoDispatch.hook = null;
        }
    }

    @Override
    public IoDispatch.Token enter(String method, Object self, Object[] args) throws Throwable {
        Interceptor own = own();
        if (own != null) {
            return own.enter(method, self, args);
        }
        if (!ActiveRuns.offeredToOthers()) {
            return null;
        }
        for (Interceptor i : interceptors) {
            IoDispatch.Token token = i.enter(method, self, args);
            if (token != null) {
                return token;
            }
        }
        return null;
    }

    @Override
    public IoDispatch.Token enterConstructor(String type, Object[] args) throws Throwable {
        Interceptor own = own();
        if (own != null) {
            return own.enterConstructor(type, args);
        }
        if (!ActiveRuns.offeredToOthers()) {
            return null;
        }
        for (Interceptor i : interceptors) {
            IoDispatch.Token token = i.enterConstructor(type, args);
            if (token != null) {
                return token;
            }
        }
        return null;
    }

    private Interceptor own() {
        ActiveRun owner = ActiveRuns.owner();
        if (owner == null) {
            return null;
        }
        for (Interceptor i : interceptors) {
            if (i.run() == owner) {
                return i;
            }
        }
        return null;
    }
}
