package example.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/bench-your-own.md, as code: its Java is the region of {@link LogVariants} between
 * {@code // docs: variants} and {@code // docs: end}, verbatim, and each variant is run here as
 * {@code crashlab bench --target example.bench.LogVariants} runs it before measuring: once without
 * instrumentation (none may need it), then through the crash check, whose verdicts are the table's
 * columns and must be what the page shows.
 */
class BenchYourOwnTest {

    static final Path PAGE = Path.of("").toAbsolutePath().getParent().resolve("docs/bench-your-own.md");
    static final Path SOURCE = Path.of("src/test/java/example/bench/LogVariants.java");

    private static final Pattern BLOCK = Pattern.compile("<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("^// docs: ([a-z-]+)\\n(.*?)^// docs: end\\n",
            Pattern.DOTALL | Pattern.MULTILINE);

    private final List<CrashTarget> variants = new LogVariants().variants();

    @Test
    void theJavaOnThePageIsTheCodeVerbatim() throws IOException {
        Map<String, String> regions = REGION.matcher(Files.readString(SOURCE)).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
        String page = Files.readString(PAGE);
        List<MatchResult> blocks = BLOCK.matcher(page).results().map(MatchResult::new).toList();
        assertEquals(regions.keySet(), blocks.stream().map(MatchResult::name).collect(Collectors.toSet()),
                "every region of " + SOURCE + " is on the page once, marked <!-- snippet: NAME -->");
        for (MatchResult b : blocks) {
            assertEquals(regions.get(b.name()), b.code(), "the page's snippet '" + b.name() + "' differs from " + SOURCE
                    + ": copy the region into the page");
        }
        assertEquals(blocks.size(), Pattern.compile("```java\\n").matcher(page).results().count(),
                "every ```java block of the page is a snippet of code that compiles and runs");
    }

    private record MatchResult(String name, String code) {
        MatchResult(java.util.regex.MatchResult m) {
            this(m.group(1), m.group(2));
        }
    }

    @Test
    void noVariantNeedsInstrumentationToRun(@TempDir Path dir) throws IOException {
        for (CrashTarget v : variants) {
            Path root = Files.createDirectory(dir.resolve(v.name().replace('/', '-')));
            CrashCheck.runUninstrumented(v, root);
            assertEquals(LogVariants.RECORDS, RecordLog.read(root), v.name());
        }
    }

    @Test
    void theVerdictColumnsAreWhatThePageShows() {
        CrashResult perRecord = CrashCheck.run(variants.get(0));
        CrashResult group = CrashCheck.run(variants.get(1));
        CrashResult none = CrashCheck.run(variants.get(2));
        for (CrashResult r : List.of(perRecord, group, none)) {
            assertTrue(r.passed(), r.describe());
        }
        for (Context m : Context.POWER_FAILURE) {
            assertEquals(Status.HELD, perRecord.verdict(Guarantee.G3, m).status(), perRecord.describe());
            assertEquals(Status.HELD, group.verdict(Guarantee.G3, m).status(), group.describe());
        }
        // the price of none: acknowledged records lost to a power failure, shown, not failed
        assertEquals(Status.NOT_CLAIMED, none.verdict(Guarantee.G3, Context.ORDERED).status(), none.describe());
        assertNotNull(none.verdict(Guarantee.G3, Context.ORDERED).counterexample(), none.describe());
        assertEquals(Status.HELD, none.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(), none.describe());
        // and of one fsync for a batch: weakest-posix may persist a later append and drop an earlier one
        assertEquals(Status.NOT_CLAIMED, group.verdict(Guarantee.G2, Context.WEAKEST_POSIX).status(), group.describe());
        assertNotNull(group.verdict(Guarantee.G2, Context.WEAKEST_POSIX).counterexample(), group.describe());
        assertEquals(Status.HELD, perRecord.verdict(Guarantee.G2, Context.WEAKEST_POSIX).status(), perRecord.describe());
        // the fsyncs per call the table prints, from each check's recorded trace
        assertEquals(List.of(3L, 1L, 0L), List.of(perRecord.syncs(), group.syncs(), none.syncs()));
    }
}
