package study.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashlab.faults.oracle.FsSetup;
import dev.crashlab.faults.oracle.KernelCheck;
import dev.crashlab.faults.oracle.LoopFs;
import dev.crashlab.faults.oracle.Shell;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.Acknowledgement;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.scenarios.api.RealCrashState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every violation the study reports under ordered or ext4-like, taken again on a real ext4: the
 * target's set-up on a fresh ext4 mounted as a machine mounts it (data=ordered, default options and
 * clocks; {@link FsSetup#ext4Defaults}), made durable; then its writer, paused by crashlab at the
 * counterexample's crash point (the pause a check shows readers a state at), or let return when the
 * crash point is the writer's end; at that instant and after letting the kernel's clocks run for a
 * few seconds, the device is copied without any sync (a power cut, {@link LoopFs}); each copy is
 * mounted (journal recovery runs) and the target's own recovery, reader and expectation judge it,
 * with what was acknowledged at the crash point, as the check judged the model's state. A finding
 * reproduces when some cut shows the violation.
 *
 * <p>The counterexamples come from {@code study/run}'s reports. Needs root and loop devices: tagged
 * "kernel", run by {@code study/kernel}, skipped saying why elsewhere; outside every other build.
 */
@Tag("kernel")
class FindingsOnExt4Test {

    /** The contexts whose findings a real ext4 can show; weakest-posix's reorderings are not ext4's. */
    private static final List<String> MODELS = List.of("ordered", "ext4-like");
    /**
     * When the cuts are taken after the writer stopped at the crash point: at once, and while the
     * kernel's 5 s journal commit and its flusher run, the last one after a commit has passed. Real
     * time on purpose (the kernel writes back on its own clock); it orders no threads.
     */
    private static final long[] DELAYS_MS = {0, 500, 2_000, 4_000, 7_000};
    private static final int RUNS = Integer.getInteger("crashlab.study.kernel.runs", 3);
    /** RocksDB preallocates its log with fallocate: room for it, copied in a few milliseconds on tmpfs. */
    private static final int MEGABYTES = 64;
    private static final Pattern FAULT = Pattern.compile("after (\\d+) of (\\d+) operations");

    /**
     * Why ext4 with its default options hides a finding: auto_da_alloc writes a file's data before a
     * rename over another file, or at the close after a truncate to zero, commits. ordered and
     * ext4-like leave auto_da_alloc out on purpose (docs/kernel-oracle.md), so each finding listed
     * with this reason must show on ext4 mounted noauto_da_alloc: the evidence that the model is
     * pessimistic only by that option.
     */
    static final String AUTO_DA_ALLOC = "auto_da_alloc writes the data before the rename or truncate commits";

    /**
     * Findings ext4 with its default options does not show, each with why (PROVIDER GUARANTEE
     * MODEL). A finding not listed must show; one listed must not, so the list never claims what
     * the kernel contradicts.
     */
    private static final Map<String, String> NOT_ON_DEFAULT_EXT4 = Map.of(
            "study.configuration.SaveTarget G2 ordered", AUTO_DA_ALLOC,
            "study.configuration.SaveTarget G2 ext4-like", AUTO_DA_ALLOC,
            "study.shell.CopyMoveTarget G2 ext4-like", AUTO_DA_ALLOC,
            "study.tomcat.FileStoreTarget G2 ext4-like", AUTO_DA_ALLOC,
            // the model's state keeps the first of two appends to one block and loses the second,
            // while a later new file's data persisted: the flusher (or another program's sync) would
            // have to write the block back in the microseconds between the two appends
            "study.logback.RolloverTarget G2 ext4-like", "it needs a writeback between two appends to one block a few"
                    + " microseconds apart, which another program's sync can cause but a cut after the writer cannot reach");

    /** One cell of a report: a counterexample under ordered or ext4-like, claimed or not. */
    record Finding(String provider, String guarantee, String model, boolean claimed, String token, int point, int total,
                   String kindAtPoint) {
        String describe() {
            return token + " " + guarantee + (claimed ? " (claimed)" : " (not claimed)");
        }

        String key() {
            return provider + " " + guarantee + " " + model;
        }
    }

    /** What the cuts of one finding showed. */
    record Outcome(int shown, int cuts, List<String> perCut, String example, String problem) {
    }

    @TestFactory
    Stream<DynamicTest> everyOrderedOrExt4LikeFindingOnARealExt4() throws Exception {
        String why = KernelCheck.unavailable();
        if (why == null) {
            why = KernelCheck.missingTool(FsSetup.ext4Defaults(MEGABYTES));
        }
        Path reports = Path.of(System.getProperty("crashlab.study.reports", "target/reports"));
        if (why == null && !Files.isDirectory(reports)) {
            why = "no study reports in " + reports.toAbsolutePath() + ": run study/run first (study/kernel does)";
        }
        if (why != null) {
            String reason = why;
            System.out.println("study findings on ext4 skipped: " + reason);
            return Stream.of(DynamicTest.dynamicTest("kernel unavailable", () -> Assumptions.abort(reason)));
        }
        // -Dcrashlab.study.kernel.only=REGEX takes only the providers it matches
        String only = System.getProperty("crashlab.study.kernel.only", ".*");
        List<Finding> findings = findings(reports, Path.of("targets.tsv")).stream().filter(f -> f.provider().matches(only)).toList();
        Map<String, List<Finding>> byPoint = new LinkedHashMap<>();
        findings.forEach(f -> byPoint.computeIfAbsent(f.provider() + "@" + f.point(), k -> new ArrayList<>()).add(f));
        Map<Finding, Outcome> outcomes = new LinkedHashMap<>();
        Map<Finding, Outcome> noAutoDaAlloc = new LinkedHashMap<>();
        Path work = Files.createDirectories(Path.of("/dev/shm", "crashlab-study-kernel-" + ProcessHandle.current().pid()));
        try {
            int group = 0;
            for (List<Finding> same : byPoint.values()) {
                Map<Finding, Outcome> taken = take(same, work.resolve(String.valueOf(group++)), FsSetup.ext4Defaults(MEGABYTES));
                outcomes.putAll(taken);
                if (taken.values().stream().anyMatch(o -> o.problem() == null && o.shown() == 0)) {
                    noAutoDaAlloc.putAll(take(same, work.resolve(String.valueOf(group++)), FsSetup.ext4NoAutoDaAlloc(MEGABYTES)));
                }
            }
        } finally {
            delete(work);
        }
        String table = table(outcomes, noAutoDaAlloc);
        Path out = reports.resolveSibling("kernel-findings.md");
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println(table);
        return outcomes.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().describe(),
                () -> judge(e.getKey(), e.getValue(), noAutoDaAlloc.get(e.getKey()))));
    }

    private static void judge(Finding f, Outcome o, Outcome withoutAutoDaAlloc) {
        if (o.problem() != null) {
            fail(f.describe() + ": not taken on ext4: " + o.problem());
        }
        String why = NOT_ON_DEFAULT_EXT4.get(f.key());
        if (o.shown() > 0 && why != null) {
            fail(f.describe() + " now shows on ext4 with its defaults (" + o.shown() + " of " + o.cuts() + " cuts): remove "
                    + f.key() + " from NOT_ON_DEFAULT_EXT4 (" + why + ")");
        }
        if (o.shown() == 0 && why == null) {
            fail(f.describe() + " did not show in any of " + o.cuts() + " cuts on ext4 (" + String.join(", ", o.perCut())
                    + "): find out why, and list " + f.key() + " in NOT_ON_DEFAULT_EXT4 with the reason");
        }
        if (AUTO_DA_ALLOC.equals(why) && (withoutAutoDaAlloc == null || withoutAutoDaAlloc.problem() != null || withoutAutoDaAlloc.shown() == 0)) {
            fail(f.describe() + " is listed as hidden by auto_da_alloc, but it did not show on ext4 mounted noauto_da_alloc"
                    + " either" + (withoutAutoDaAlloc == null ? "" : ": " + (withoutAutoDaAlloc.problem() != null
                    ? withoutAutoDaAlloc.problem() : String.join(", ", withoutAutoDaAlloc.perCut()))));
        }
    }

    /** The cells of every report under ordered and ext4-like that carry a counterexample, in targets.tsv's order. */
    static List<Finding> findings(Path reports, Path targets) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Finding> all = new ArrayList<>();
        for (String line : Files.readAllLines(targets, StandardCharsets.UTF_8)) {
            String provider = line.split("\t")[0];
            if (provider.isBlank() || provider.startsWith("#") || provider.equals("class")) {
                continue;
            }
            Path report = reports.resolve(provider).resolve("report.json");
            if (!Files.exists(report)) {
                throw new IllegalStateException("no " + report + ": run study/run again");
            }
            for (JsonNode cell : json.readTree(report.toFile()).path("targets").path(0).path("cells")) {
                JsonNode ce = cell.path("counterexample");
                if (ce.isMissingNode() || ce.isNull() || !MODELS.contains(cell.path("model").asText())) {
                    continue;
                }
                Matcher m = FAULT.matcher(ce.path("fault").asText());
                if (!m.find()) {
                    throw new IllegalStateException(report + ": a counterexample without 'after N of M operations': "
                            + ce.path("fault").asText());
                }
                int point = Integer.parseInt(m.group(1));
                int total = Integer.parseInt(m.group(2));
                String kind = point < total ? ce.path("trace").path(point).path("kind").asText() : null;
                all.add(new Finding(provider, cell.path("guarantee").asText(), cell.path("model").asText(),
                        cell.path("status").asText().equals("violated"), ce.path("seed").asText(), point, total, kind));
            }
        }
        return all;
    }

    /** Every run of the findings at one crash point of one target, each cut judged for each of them. */
    private static Map<Finding, Outcome> take(List<Finding> same, Path work, FsSetup setup) throws Exception {
        Finding first = same.get(0);
        CrashTarget target = ((CrashTargetProvider) Class.forName(first.provider()).getConstructor().newInstance()).target();
        Map<Finding, Outcome> outcomes = new LinkedHashMap<>();
        Acked acked;
        try {
            acked = Acked.at(target, first.point(), first.total(), work.resolve("recorded"));
        } catch (IllegalStateException e) {
            same.forEach(f -> outcomes.put(f, new Outcome(0, 0, List.of(), null, e.getMessage())));
            return outcomes;
        }
        Map<Finding, List<String>> perCut = new LinkedHashMap<>();
        Map<Finding, Integer> shown = new LinkedHashMap<>();
        Map<Finding, String> example = new LinkedHashMap<>();
        String problem = null;
        for (int run = 0; run < RUNS && problem == null; run++) {
            Path dir = Files.createDirectories(work.resolve("run-" + run));
            try (LoopFs fs = new LoopFs(setup, dir)) {
                Path root = Files.createDirectory(fs.mountPoint().resolve("root"));
                RealCrashState.setUp(target, root);
                Shell.run("sync", "-f", root.toString());
                Cuts cuts = new Cuts(fs);
                problem = runPausedAt(target, root, first, cuts);
                for (Cuts.Kept kept : cuts.kept) {
                    RealCrashState state = fs.onCopy(kept.image(), at -> RealCrashState.read(target, at.resolve("root")));
                    for (Finding f : same) {
                        boolean g3 = f.guarantee().equals("G3");
                        boolean allowed = state.allowed(g3 ? acked.labels() : List.of(), g3 && acked.returned());
                        perCut.computeIfAbsent(f, k -> new ArrayList<>()).add(kept.delayMillis() / 1000.0 + " s " + (allowed ? "ok" : "VIOLATED"));
                        if (!allowed) {
                            shown.merge(f, 1, Integer::sum);
                            example.putIfAbsent(f, state.toString());
                        }
                    }
                }
            }
        }
        for (Finding f : same) {
            List<String> cuts = perCut.getOrDefault(f, List.of());
            outcomes.put(f, new Outcome(shown.getOrDefault(f, 0), cuts.size(), cuts, example.get(f), problem));
        }
        return outcomes;
    }

    /**
     * Runs the writer on the mounted file system, paused before the crash point's operation while
     * the cuts are taken, or cut once it returned when the crash point is its end.
     *
     * @return why the run could not stand for the counterexample, or null
     */
    private static String runPausedAt(CrashTarget target, Path root, Finding f, Cuts cuts) {
        boolean[] paused = {false};
        String[] problem = {null};
        FaultPlan plan = new FaultPlan() {
            @Override
            public void before(Operation op) {
                if (paused[0] || op.inMemory() || op.index() < f.point()) {
                    return;
                }
                paused[0] = true;
                if (op.index() != f.point() || !op.kind().name().equals(f.kindAtPoint())) {
                    problem[0] = "the run on ext4 reached #" + op.index() + " " + op.kind() + " where the report's trace has #"
                            + f.point() + " " + f.kindAtPoint();
                    return;
                }
                op.pause(cuts::take);
            }
        };
        RunResult result = Run.in(root).plan(plan).notMine(target.notMine()).go(() -> target.writer().run(root));
        if (result.thrown() != null) {
            return "the writer threw on ext4: " + result.thrown();
        }
        if (!result.callbackErrors().isEmpty()) {
            return "a cut failed: " + result.callbackErrors().get(0);
        }
        if (f.point() == f.total()) {
            cuts.take();
        } else if (!paused[0]) {
            return "the run on ext4 never reached operation #" + f.point();
        }
        return problem[0];
    }

    /** The power cuts at one crash point, kept as images until the writer has moved on. */
    private static final class Cuts {
        record Kept(long delayMillis, Path image) {
        }

        private final LoopFs fs;
        private final List<Kept> kept = new ArrayList<>();

        Cuts(LoopFs fs) {
            this.fs = fs;
        }

        void take() {
            long start = System.nanoTime();
            try {
                for (long delay : DELAYS_MS) {
                    long wait = delay - (System.nanoTime() - start) / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    kept.add(new Kept(delay, fs.keep(fs.cut())));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the writer had acknowledged at the crash point, from its run on an ordinary directory. */
    record Acked(List<String> labels, boolean returned) {
        static Acked at(CrashTarget target, int point, int total, Path dir) throws Exception {
            Path root = Files.createDirectories(dir);
            RealCrashState.setUp(target, root);
            RunResult result = Run.in(root).notMine(target.notMine()).go(() -> target.writer().run(root));
            if (result.thrown() != null) {
                throw new IllegalStateException("the writer threw on an ordinary directory: " + result.thrown());
            }
            if (point < total && result.trace().size() != total) {
                throw new IllegalStateException("the writer did " + result.trace().size() + " operations here, the report's "
                        + total + ": its crash point cannot be found again");
            }
            List<String> labels = result.acknowledgements().stream().filter(a -> point == total || a.position() <= point)
                    .map(Acknowledgement::label).toList();
            return new Acked(labels, point == total);
        }
    }

    private static String table(Map<Finding, Outcome> outcomes, Map<Finding, Outcome> noAutoDaAlloc) {
        StringBuilder md = new StringBuilder();
        md.append("Kernel: Linux ").append(Shell.run("uname", "-r")).append(", ext4 data=ordered (defaults: commit=5, auto_da_alloc),")
                .append(" vm.dirty_expire_centisecs=").append(Shell.run("sysctl", "-n", "vm.dirty_expire_centisecs"))
                .append(", cuts at ").append(java.util.Arrays.toString(DELAYS_MS)).append(" ms after the crash point, ")
                .append(RUNS).append(" runs\n\n");
        md.append("| finding | guarantee | claimed | crash point | shown on ext4 | per delay: runs showing it | a violating reading |"
                + " shown with noauto_da_alloc |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        outcomes.forEach((f, o) -> md.append("| `").append(f.token()).append("` | ").append(f.guarantee()).append(" | ")
                .append(f.claimed() ? "yes" : "no").append(" | after ").append(f.point()).append(" of ").append(f.total())
                .append(" | ").append(shown(o)).append(" | ").append(byDelay(o.perCut())).append(" | ")
                .append(o.example() == null ? "" : o.example().replace("|", "\\|").replace("\n", " ")).append(" | ")
                .append(noAutoDaAlloc.containsKey(f) ? shown(noAutoDaAlloc.get(f)) : "").append(" |\n"));
        return md.toString();
    }

    /** "0.0 s 3/3, ..., 7.0 s 0/3": per delay, in how many runs the violation showed. */
    private static String byDelay(List<String> perCut) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String cut : perCut) {
            String delay = cut.substring(0, cut.lastIndexOf(' '));
            int[] c = counts.computeIfAbsent(delay, k -> new int[2]);
            c[0] += cut.endsWith("VIOLATED") ? 1 : 0;
            c[1]++;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((delay, c) -> parts.add(delay + " " + c[0] + "/" + c[1]));
        return String.join(", ", parts);
    }

    private static String shown(Outcome o) {
        return o.problem() != null ? "not taken: " + o.problem() : o.shown() + " of " + o.cuts();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
