package dev.crashlab.faults.agent;

import dev.crashlab.faults.agent.boot.IoDispatch;
import net.bytebuddy.asm.Advice;

/** Entry advice for advised file-I/O methods. Inlined: may only name bootstrap classes. */
final class EnterAdvice {

    private EnterAdvice() {
    }

    // @AllArguments is materialized where it is read, so an idle JVM never allocates the array.
    @Advice.OnMethodEnter(skipOn = IoDispatch.Skip.class)
    static IoDispatch.Token enter(@Advice.Origin("#m#d") String method, @Advice.This(optional = true) Object self,
                                  @Advice.AllArguments Object[] args) throws Throwable {
        IoDispatch.Hook hook = IoDispatch.hook;
        return hook == null ? null : hook.enter(method, self, args);
    }
}
