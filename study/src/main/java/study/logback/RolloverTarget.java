package study.logback;

import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import study.Log;

/**
 * Two events, a rollover of a {@link RollingFileAppender} with a {@link FixedWindowRollingPolicy}
 * (app.log renamed to app.1.log, a new app.log opened), then a third event. The log read back is
 * app.1.log then app.log: no acknowledged event may be lost to the rollover, under the same
 * process-crash promise as the plain file appender.
 */
public class RolloverTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("logback-rollover")
                .writer(root -> {
                    RollingFileAppender<Object> a = new RollingFileAppender<>();
                    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
                    rolling.setFileNamePattern(root.resolve("app.%i.log").toString());
                    rolling.setMinIndex(1);
                    rolling.setMaxIndex(3);
                    rolling.setParent(a);
                    SizeBasedTriggeringPolicy<Object> trigger = new SizeBasedTriggeringPolicy<>();
                    Appenders.start(a, root.resolve("app.log"), () -> {
                        a.setRollingPolicy(rolling);
                        a.setTriggeringPolicy(trigger);
                    });
                    Appenders.append(a, "e1");
                    Appenders.append(a, "e2");
                    a.rollover();
                    Appenders.append(a, "e3");
                    a.stop();
                })
                .oracle(RolloverTarget::read, Log.describe(Appenders.EVENTS, 0), Log.oracle(Appenders.EVENTS, 0))
                .claimsUnder(Guarantee.G2, "process-crash")
                .claimsUnder(Guarantee.G3, "process-crash")
                .notMine("ch.qos.logback.")
                .build();
    }

    static List<String> read(Path root) throws Exception {
        List<String> all = new ArrayList<>(Appenders.lines(root.resolve("app.1.log")));
        all.addAll(Appenders.lines(root.resolve("app.log")));
        return all;
    }
}
