package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import dev.crashlab.faults.plan.CrossDeviceMove;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * crashlab's emulated cross-device move ({@link CrossDeviceMove}, on one file system) against the
 * real one: each idiom of the corpus that moves a file between a tmpfs and the disk runs under
 * strace, and its twin, the same move within one directory, is recorded under the fault; the
 * destination's operations must be the system calls of the real move, one by one. The twin's
 * operations on its source, which in the real idiom lies outside the root, are left out.
 */
class CrossDeviceOracleTest {

    /** What the real idioms move: the twins must move the same bytes. */
    private static final byte[] VALUE = Corpus.NEW;

    /** The emulated twin of a real cross-device idiom, and the name of its source (in the root, unlike the real one's). */
    private record Twin(Idiom idiom, String source) {
    }

    private static final Map<String, Twin> TWINS = Map.of(
            "move-across-file-systems", new Twin(Idiom.of("twin", root -> Files.write(root.resolve("src"), VALUE),
                    root -> Files.move(root.resolve("src"), root.resolve("a"))), "src"),
            "move-across-file-systems-replace", new Twin(Idiom.of("twin", root -> {
                Files.write(root.resolve("src"), VALUE);
                Files.write(root.resolve("a"), Corpus.OLD);
            }, root -> Files.move(root.resolve("src"), root.resolve("a"), StandardCopyOption.REPLACE_EXISTING)), "src"),
            "move-out-to-another-file-system", new Twin(Idiom.of("twin", root -> {
                Files.write(root.resolve("a"), Corpus.OLD);
                Files.createDirectory(root.resolve("out"));
            }, root -> Files.move(root.resolve("a"), root.resolve("out/a"))), "out"),
            "move-atomic-across-file-systems", new Twin(Idiom.of("twin", root -> Files.write(root.resolve("src"), VALUE), root -> {
                try {
                    Files.move(root.resolve("src"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException acrossDevices) {
                    Files.write(root.resolve("fallback"), VALUE);
                }
            }), "src"),
            "rename-to-across-file-systems", new Twin(Idiom.of("twin", root -> Files.write(root.resolve("src"), VALUE), root -> {
                if (!root.resolve("src").toFile().renameTo(root.resolve("a").toFile())) {
                    Files.write(root.resolve("fallback"), VALUE);
                }
            }), "src"));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> theEmulatedCrossDeviceMoveMakesTheRealMovesSystemCalls() throws Exception {
        if (!Elsewhere.crossesDevices(tmp)) {
            return Stream.of(DynamicTest.dynamicTest("no tmpfs", () -> Assumptions.abort(
                    "needs a writable tmpfs at /dev/shm apart from " + tmp + " for a real cross-device move")));
        }
        return Strace.orSkip(strace -> {
            List<Idiom> real = TWINS.keySet().stream().sorted().map(Corpus::named).toList();
            TracedChild traced = TracedChild.run(strace, tmp, real);
            return real.stream().map(idiom -> DynamicTest.dynamicTest(idiom.name(), () -> judge(idiom, traced.of(idiom.name()))));
        });
    }

    private void judge(Idiom idiom, TracedChild.Sides kernel) throws Exception {
        Assumptions.assumeTrue(kernel.problems().isEmpty(), () -> "the real idiom's recording has problems of its own"
                + " (the strace oracle reports them): " + kernel.problems());
        Twin twin = TWINS.get(idiom.name());
        Path root = Files.createDirectories(tmp.resolve("twins").resolve(idiom.name()));
        twin.idiom().setUp().run(root);
        RunResult emulated = Run.in(root).plan(new CrossDeviceMove()).checkComplete().go(() -> twin.idiom().body().run(root));
        List<String> problems = new ArrayList<>(emulated.unseen());
        if (emulated.thrown() != null) {
            problems.add("the twin threw " + emulated.thrown());
        }
        List<String> recorded = RecordedOps.of(emulated.trace()).stream().filter(op -> !names(op, twin.source())).toList();
        String failure = SideBySide.difference("crashlab, emulated", recorded, "strace, real", kernel.kernel());
        if (!problems.isEmpty() || failure != null) {
            fail(idiom.name() + ": " + String.join("\n", problems) + "\n" + (failure == null ? "" : failure)
                    + "\nthe emulated trace:\n" + emulated.trace().listing());
        }
    }

    /** Whether an operation line names {@code path} or something under it. */
    private static boolean names(String op, String path) {
        return Arrays.stream(op.split(" ")).anyMatch(word -> word.equals(path) || word.startsWith(path + "/"));
    }
}
