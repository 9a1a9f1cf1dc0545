package study.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.EchoEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.RollingPolicyBase;
import ch.qos.logback.core.rolling.TriggeringPolicyBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Logback's file appenders as a configuration file sets them up, and what a log reader keeps of a file. */
final class Appenders {

    static final List<String> EVENTS = List.of("e1", "e2", "e3");

    private Appenders() {
    }

    /** Starts {@code appender} on {@code file}, its rolling {@code policies} set after the file, with an encoder writing each event as a line, immediateFlush on (the default). */
    static <A extends FileAppender<Object>> A start(A appender, Path file, Runnable policies) {
        Context context = new ContextBase();
        EchoEncoder<Object> encoder = new EchoEncoder<>();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setName("study");
        appender.setFile(file.toString());
        policies.run(); // logback refuses policies set before the file
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        if (appender instanceof RollingFileAppender<?> rolling) {
            // the policies take the appender's context and start before it, as a configuration file wires them
            RollingPolicyBase policy = (RollingPolicyBase) rolling.getRollingPolicy();
            policy.setContext(context);
            policy.start();
            TriggeringPolicyBase<?> trigger = (TriggeringPolicyBase<?>) rolling.getTriggeringPolicy();
            trigger.setContext(context);
            trigger.start();
        }
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("logback appender did not start: " + context.getStatusManager().getCopyOfStatusList());
        }
        return appender;
    }

    static void append(FileAppender<Object> appender, String event) {
        appender.doAppend(event);
        ch.qos.logback.core.status.StatusManager statuses = appender.getContext().getStatusManager();
        if (statuses.getCount() > 0 && statuses.getCopyOfStatusList().stream().anyMatch(s -> s.getLevel() >= 2)) {
            throw new IllegalStateException("logback reported an error: " + statuses.getCopyOfStatusList());
        }
        dev.crashlab.scenarios.api.CrashTarget.ack(event);
    }

    /** The complete lines of {@code file}, or none when it is absent: a last line without its newline is being written. */
    static List<String> lines(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            lines.add(text.substring(start, nl));
            start = nl + 1;
        }
        return lines;
    }
}
