package demo;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.google.common.collect.ImmutableMap;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import java.util.Map;

/** The checkpoint writer as crashlab checks it, from the JUnit 5 extension and from crashlab:check. */
public class CheckpointTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        // The versions this project ships with, not crashlab's: a check of other code is no check.
        String jackson = PackageVersion.VERSION.toString();
        String guava = ImmutableMap.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        if (!jackson.equals("2.17.2") || !guava.contains("guava-32.1.3-jre")) {
            throw new IllegalStateException("not this project's libraries: Jackson " + jackson + ", Guava from " + guava);
        }
        System.out.println("checked with Jackson " + jackson + " and " + guava.substring(guava.lastIndexOf('/') + 1));
        return CrashTarget.builder("checkpoint")
                .setUp(dir -> Checkpoint.write(dir, Map.of("orders-0", 100L)))
                .writer(dir -> Checkpoint.write(dir, Map.of("orders-0", 150L)))
                .reader(Checkpoint::read, Map.of("orders-0", 100L), Map.of("orders-0", 150L))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }
}
