package dev.crashlab.faults.agent;

import dev.crashlab.faults.agent.boot.IoDispatch;
import net.bytebuddy.asm.Advice;

/**
 * Advice for the constructors that open files (FileOutputStream, RandomAccessFile). A constructor
 * that throws never reaches the exit advice, so the harness must not hold state across it.
 */
final class ConstructorAdvice {

    private ConstructorAdvice() {
    }

    @Advice.OnMethodEnter
    static IoDispatch.Token enter(@Advice.Origin("#t") String type,
                                  @Advice.AllArguments Object[] args) throws Throwable {
        IoDispatch.Hook hook = IoDispatch.hook;
        return hook == null ? null : hook.enterConstructor(type, args);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter IoDispatch.Token token, @Advice.This Object self) throws Throwable {
        if (token != null) {
            token.constructed(self);
        }
    }
}
