package study.kafka;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.storage.internals.checkpoint.OffsetCheckpointFile;
import org.apache.kafka.storage.internals.log.LogDirFailureChannel;

/** A broker's recovery-point checkpoint replaced by {@link OffsetCheckpointFile#write}, as LogManager does. */
public class OffsetCheckpointTarget implements CrashTargetProvider {

    static final Map<TopicPartition, Long> OLD = Map.of(new TopicPartition("orders", 0), 100L,
            new TopicPartition("orders", 1), 200L);
    static final Map<TopicPartition, Long> NEW = Map.of(new TopicPartition("orders", 0), 150L,
            new TopicPartition("orders", 1), 250L);

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("kafka-offset-checkpoint")
                .setUp(root -> checkpoint(root).write(OLD))
                .writer(root -> checkpoint(root).write(NEW))
                .reader(root -> checkpoint(root).read(), OLD, NEW)
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .notMine("org.apache.kafka.")
                .build();
    }

    private static OffsetCheckpointFile checkpoint(Path root) throws Exception {
        return new OffsetCheckpointFile(new File(root.toFile(), "recovery-point-offset-checkpoint"),
                new LogDirFailureChannel(1));
    }
}
