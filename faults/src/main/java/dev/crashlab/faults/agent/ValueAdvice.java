package dev.crashlab.faults.agent;

import dev.crashlab.faults.agent.boot.IoDispatch;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Exit advice for file-I/O methods that return a value: the run may replace the result. */
final class ValueAdvice {

    private ValueAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter IoDispatch.Token token,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown(readOnly = false) Throwable thrown) throws Throwable {
        if (token != null) {
            Object result = token.exit(returned, thrown);
            thrown = null;
            returned = result;
        }
    }
}
