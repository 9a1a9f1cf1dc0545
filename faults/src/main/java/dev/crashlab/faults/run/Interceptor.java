package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import java.io.ByteArrayOutputStream;

/**
 * The active run as the advice sees it: admits the target's calls, and holds the per-thread guard
 * while {@link Calls} decodes one, so that the calls the JDK makes underneath an intercepted one
 * (FileOutputStream.close closing its channel, the harness's own existence checks) pass untouched.
 */
final class Interceptor implements IoDispatch.Hook {

    private final ActiveRun run;
    private final Calls calls;
    private final boolean watchesMemory;

    Interceptor(ActiveRun run) {
        this.run = run;
        this.calls = new Calls(run);
        this.watchesMemory = run.plan().watchesMemory();
    }

    ActiveRun run() {
        return run;
    }

    /**
     * The token for an intercepted call, or null to let it pass; a failure of crashlab's own while
     * deciding lets it pass too (see {@link OwnFailures}).
     */
    @Override
    public IoDispatch.Token enter(String method, Object self, Object[] args) throws Throwable {
        try {
            return run.own().checked(decode(method, self, args));
        } catch (Throwable t) {
            return ownFailure(t);
        }
    }

    private IoDispatch.Token decode(String method, Object self, Object[] args) throws Throwable {
        if (self instanceof ByteArrayOutputStream && (!watchesMemory || !run.threads().onRunThread())) {
            return null;
        }
        if (!run.threads().admits()) {
            return null;
        }
        run.threads().guard();
        try {
            IoDispatch.Token token = calls.decode(method.substring(0, method.indexOf('(')), self, args);
            if (token == null) {
                run.threads().unguard();
            }
            return token;
        } catch (Throwable t) {
            run.threads().unguard();
            throw t;
        }
    }

    @Override
    public IoDispatch.Token enterConstructor(String type, Object[] args) throws Throwable {
        try {
            return run.own().checked(construct(type, args));
        } catch (Throwable t) {
            return ownFailure(t);
        }
    }

    /** The call's I/O outcome goes to the target; crashlab's own failure is kept, and the call passes untouched. */
    private IoDispatch.Token ownFailure(Throwable t) throws Throwable {
        if (OwnFailures.isOutcome(t)) {
            throw t;
        }
        run.own().add(t);
        return null;
    }

    private IoDispatch.Token construct(String type, Object[] args) throws Throwable {
        if (!run.threads().admits()) {
            return null;
        }
        // No exit runs if the constructor throws, so the guard is not held across it.
        run.threads().guard();
        try {
            return calls.construct(type, args);
        } finally {
            run.threads().unguard();
        }
    }
}
