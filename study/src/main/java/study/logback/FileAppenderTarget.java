package study.logback;

import ch.qos.logback.core.FileAppender;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import study.Log;

/**
 * Three events through a {@link FileAppender} with immediateFlush (the default), each acknowledged
 * once doAppend returned, then the appender stopped. Logback's manual: immediateFlush makes sure
 * "logging events will not be lost in case your application exits without properly closing
 * appenders" -- a process crash; it does not fsync, so a power failure is not claimed.
 */
public class FileAppenderTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("logback-file-appender")
                .writer(root -> {
                    FileAppender<Object> a = Appenders.start(new FileAppender<>(), log(root), () -> { });
                    for (String e : Appenders.EVENTS) {
                        Appenders.append(a, e);
                    }
                    a.stop();
                })
                .oracle(root -> Appenders.lines(log(root)), Log.describe(Appenders.EVENTS, 0), Log.oracle(Appenders.EVENTS, 0))
                .claims(Guarantee.G1)
                .claimsUnder(Guarantee.G2, "process-crash")
                .claimsUnder(Guarantee.G3, "process-crash")
                .notMine("ch.qos.logback.")
                .build();
    }

    private static Path log(Path root) {
        return root.resolve("app.log");
    }
}
