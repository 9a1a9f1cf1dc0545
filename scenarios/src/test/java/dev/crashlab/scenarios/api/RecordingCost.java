package dev.crashlab.scenarios.api;

import dev.crashlab.faults.agent.Agent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What recording a writer costs, the JVM recording against the system calls', both as a check pays
 * it and again in a warm JVM. Cold: the first recording in a fresh JVM with the instrumentation
 * installed, as {@code crashlab check} makes it (the writer's classes loaded, and for the JVM
 * recording instrumented, for the first time; the set-up included, as a check runs it just before);
 * the installation itself, which every check pays whatever it records with, is timed apart. Warm: the
 * same recordings repeated in this JVM, round 0 left out. Beside them, the run G1 adds at the system
 * calls: the writer held after each call that may change the root while the target's reader reads.
 * Each round takes every measure in turn on a fresh root. Not a test: study/recording-cost runs it
 * (docs/syscall-recording.md, Cost).
 *
 * <p>Usage: {@code RecordingCost CLASSPATH ROUNDS PROVIDER_CLASS...}
 */
final class RecordingCost {

    private static final String ONCE = "--once";

    private RecordingCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals(ONCE)) {
            once(args[1], args[2], args[3]);
            return;
        }
        int rounds = Integer.parseInt(args[1]);
        Agent.install();
        for (String provider : Arrays.copyOfRange(args, 2, args.length)) {
            try (ProviderLoader loader = ProviderLoader.open(args[0])) {
                CrashTarget target = loader.target(provider);
                Thread.currentThread().setContextClassLoader(loader.classLoader());
                // cold JVM, agent installation, cold system calls, warm JVM, warm system calls, held
                long[][] ms = new long[6][rounds];
                int ops = 0;
                for (int r = 0; r <= rounds; r++) {
                    long[] jvmCold = fresh("jvm", args[0], provider);
                    long[] syscallsCold = fresh("syscalls", args[0], provider);
                    long[] t = {jvmCold[1], jvmCold[0], syscallsCold[1], 0, 0, 0};
                    Path a = Files.createTempDirectory("cost-jvm");
                    long s = System.nanoTime();
                    ops = WriterRun.faultFree(target, a, target.faults().get(0)).trace().size();
                    t[3] = System.nanoTime() - s;
                    Path b = Files.createTempDirectory("cost-syscalls");
                    s = System.nanoTime();
                    SyscallWriter.record(target, b, new ArrayList<>());
                    t[4] = System.nanoTime() - s;
                    Path c = Files.createTempDirectory("cost-held");
                    s = System.nanoTime();
                    WriterRun.setUp(target, c, true);
                    SyscallWriter.recording(target, c).goStopping(SyscallWriter.command(target, c),
                            at -> Reading.of(target, c, CrashTarget.Where.LIVE));
                    t[5] = System.nanoTime() - s;
                    if (r > 0) {
                        for (int k = 0; k < t.length; k++) {
                            ms[k][r - 1] = t[k] / 1_000_000;
                        }
                    }
                }
                long jvmCold = median(ms[0]);
                long jvmWarm = median(ms[3]);
                long syscallsCold = median(ms[2]);
                long syscallsWarm = median(ms[4]);
                System.out.printf("%s (%d operations), medians of %d rounds:%n"
                        + "  JVM recording: cold %d ms (after the agent's installation, %d ms), warm %d ms%n"
                        + "  system calls:  cold %d ms, warm %d ms%n"
                        + "  system calls / JVM recording: cold %.1fx (with the installation %.1fx), warm %.1fx%n"
                        + "  held for a reader at each call: %d ms%n",
                        target.name(), ops, rounds, jvmCold, median(ms[1]), jvmWarm, syscallsCold, syscallsWarm,
                        syscallsCold / (double) Math.max(1, jvmCold),
                        syscallsCold / (double) Math.max(1, jvmCold + median(ms[1])),
                        syscallsWarm / (double) Math.max(1, jvmWarm), median(ms[5]));
            }
        }
    }

    /**
     * {@code how} ("jvm" or "syscalls") timed once in a fresh JVM started as this one was: nanoseconds
     * of the agent's installation, then of the first recording.
     */
    private static long[] fresh(String how, String classpath, String provider) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecordingCost.class.getName(), ONCE, how,
                classpath, provider));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the fresh JVM timing the " + how + " recording failed: " + out);
        }
        String[] last = out.strip().lines().reduce((x, y) -> y).orElseThrow().split(" ");
        return new long[] {Long.parseLong(last[0]), Long.parseLong(last[1])};
    }

    /** In the fresh JVM: prints the installation's and the first recording's nanoseconds. */
    private static void once(String how, String classpath, String provider) throws IOException {
        long s = System.nanoTime();
        Agent.install();
        long installed = System.nanoTime() - s;
        try (ProviderLoader loader = ProviderLoader.open(classpath)) {
            CrashTarget target = loader.target(provider);
            Thread.currentThread().setContextClassLoader(loader.classLoader());
            Path root = Files.createTempDirectory("cost-cold");
            s = System.nanoTime();
            if (how.equals("jvm")) {
                WriterRun.faultFree(target, root, target.faults().get(0));
            } else {
                SyscallWriter.record(target, root, new ArrayList<>());
            }
            System.out.println(installed + " " + (System.nanoTime() - s));
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
