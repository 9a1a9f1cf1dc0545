package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any persistence model, with its own parameters, reported by its name; claims per model. */
class AnyModelTest {

    static CrashTarget.Builder unsynced() {
        return CrashTarget.builder("unsynced")
                .setUp(dir -> Files.writeString(dir.resolve("state"), "v1"))
                .writer(dir -> {
                    Files.writeString(dir.resolve("state.tmp"), "v2");
                    Files.move(dir.resolve("state.tmp"), dir.resolve("state"), StandardCopyOption.ATOMIC_MOVE);
                })
                .reader(dir -> Files.readString(dir.resolve("state")), "v1", "v2");
    }

    @Test
    void aModelWithSmallerSectorsIsAcceptedAndReportedByItsName() throws Exception {
        CrashResult result = CrashCheck.run(unsynced().claims(Guarantee.G2)
                .models(List.of(new ProcessCrash(), new WeakestPosix(512))).build());
        assertEquals(Status.VIOLATED, result.verdict(Guarantee.G2, "weakest-posix/512").status(), result.describe());
        String html = Reports.render(result.toReport(Instant.EPOCH), Format.HTML);
        assertTrue(html.contains("weakest-posix/512"), "the report names the model");
        assertTrue(Reports.render(result.toReport(Instant.EPOCH), Format.JSON).contains("\"weakest-posix/512\""));
    }

    @Test
    void aGuaranteeCanBeClaimedUnderSomeModelsOnly() {
        CrashResult result = CrashCheck.run(unsynced().claimsUnder(Guarantee.G3, Context.PROCESS_CRASH).build());
        assertEquals(Status.HELD, result.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(), result.describe());
        assertEquals(Status.NOT_CLAIMED, result.verdict(Guarantee.G3, Context.WEAKEST_POSIX).status(), result.describe());
        assertTrue(result.passed(), "a power failure's loss is the price of not claiming it there");
        assertThrows(IllegalArgumentException.class, () -> unsynced().claimsUnder(Guarantee.G3, "zfs-like").build(),
                "a claim under a model the target is not checked under");
    }
}
