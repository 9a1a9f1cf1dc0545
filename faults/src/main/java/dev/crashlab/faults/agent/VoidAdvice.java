package dev.crashlab.faults.agent;

import dev.crashlab.faults.agent.boot.IoDispatch;
import net.bytebuddy.asm.Advice;

/** Exit advice for void file-I/O methods. */
final class VoidAdvice {

    private VoidAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter IoDispatch.Token token,
                     @Advice.Thrown(readOnly = false) Throwable thrown) throws Throwable {
        if (token != null) {
            token.exit(null, thrown);
            thrown = null;
        }
    }
}
