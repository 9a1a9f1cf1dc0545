package study.kafka;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.raft.ElectionState;
import org.apache.kafka.raft.FileQuorumStateStore;
import org.apache.kafka.server.common.KRaftVersion;

/**
 * A KRaft voter's election state (epoch, leader, voters) replaced by
 * {@link FileQuorumStateStore#writeElectionState}: Raft needs it durable before the voter answers.
 */
public class QuorumStateTarget implements CrashTargetProvider {

    static final ElectionState OLD = ElectionState.withElectedLeader(5, 1, Optional.empty(), Set.of(1, 2, 3));
    static final ElectionState NEW = ElectionState.withElectedLeader(6, 2, Optional.empty(), Set.of(1, 2, 3));

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("kafka-quorum-state")
                .setUp(root -> store(root).writeElectionState(OLD, KRaftVersion.KRAFT_VERSION_0))
                .writer(root -> store(root).writeElectionState(NEW, KRaftVersion.KRAFT_VERSION_0))
                .reader(root -> store(root).readElectionState(), Optional.of(OLD), Optional.of(NEW))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .notMine("org.apache.kafka.")
                .build();
    }

    private static FileQuorumStateStore store(Path root) {
        return new FileQuorumStateStore(new File(root.toFile(), FileQuorumStateStore.DEFAULT_FILE_NAME));
    }
}
