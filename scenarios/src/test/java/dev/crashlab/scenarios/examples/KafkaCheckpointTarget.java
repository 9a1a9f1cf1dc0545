package dev.crashlab.scenarios.examples;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

/**
 * The Kafka example for the command line (see docs/checking-your-own-code.md):
 * {@code ./crashlab check --target dev.crashlab.scenarios.examples.KafkaCheckpointTarget --classpath ...}.
 */
public class KafkaCheckpointTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return KafkaAtomicMoveTest.checkpoint("kafka-checkpoint", root -> KafkaCheckpoint.write(root, KafkaAtomicMoveTest.NEW))
                .build();
    }
}
