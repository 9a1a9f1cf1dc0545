package dev.crashlab.scenarios.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * What recording a writer costs, in this JVM (warm) and at the system calls, each round alternately
 * on a fresh root, set-up included; round 0 warms up and is left out. Beside them, the run G1 adds at
 * the system calls: the writer held after each call that may change the root while the target's
 * reader reads. Not a test: run by hand (docs/syscall-recording.md, Cost).
 *
 * <p>Usage: {@code RecordingCost CLASSPATH ROUNDS PROVIDER_CLASS...}
 */
final class RecordingCost {

    private RecordingCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[1]);
        for (String provider : Arrays.copyOfRange(args, 2, args.length)) {
            try (ProviderLoader loader = ProviderLoader.open(args[0])) {
                CrashTarget target = loader.target(provider);
                Thread.currentThread().setContextClassLoader(loader.classLoader());
                long[][] ms = new long[3][rounds];
                int ops = 0;
                for (int r = 0; r <= rounds; r++) {
                    long[] t = new long[3];
                    Path a = Files.createTempDirectory("cost-jvm");
                    long s = System.nanoTime();
                    ops = WriterRun.faultFree(target, a, target.faults().get(0)).trace().size();
                    t[0] = System.nanoTime() - s;
                    Path b = Files.createTempDirectory("cost-syscalls");
                    s = System.nanoTime();
                    SyscallWriter.record(target, b, new ArrayList<>());
                    t[1] = System.nanoTime() - s;
                    Path c = Files.createTempDirectory("cost-held");
                    s = System.nanoTime();
                    WriterRun.setUp(target, c, true);
                    SyscallWriter.recording(target, c).goStopping(SyscallWriter.command(target, c),
                            at -> Reading.of(target, c, CrashTarget.Where.LIVE));
                    t[2] = System.nanoTime() - s;
                    if (r > 0) {
                        for (int k = 0; k < 3; k++) {
                            ms[k][r - 1] = t[k] / 1_000_000;
                        }
                    }
                }
                System.out.printf("%s (%d operations): JVM recording %d ms, system calls %d ms (%.1fx), held for a reader"
                        + " at each call %d ms; medians of %d rounds%n", target.name(), ops, median(ms[0]), median(ms[1]),
                        median(ms[1]) / (double) Math.max(1, median(ms[0])), median(ms[2]), rounds);
            }
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
