package demo;

import dev.crashlab.scenarios.junit.CrashTest;
import dev.crashlab.scenarios.junit.CrashTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

class CheckpointCrashTest {

    @CrashTest
    Stream<DynamicTest> checkpoint() {
        return CrashTests.of(new CheckpointTarget().target());
    }
}
