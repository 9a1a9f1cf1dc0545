package example.readme;

// readme: provider
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

public class CheckpointCrashTarget implements CrashTargetProvider {
    @Override
    public CrashTarget target() {
        return CrashTarget.builder("checkpoint")
                .setUp(root -> Checkpoint.write(root, "v1"))
                .writer(root -> Checkpoint.write(root, "v2"))
                .reader(Checkpoint::read, "v1", "v2")
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }
}
// readme: end
