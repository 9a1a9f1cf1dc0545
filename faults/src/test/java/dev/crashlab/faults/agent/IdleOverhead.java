package dev.crashlab.faults.agent;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.WriteOnceStore;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Hand-run A/B of what the installed but idle instrumentation costs (not a test: timing has no
 * place in assertions). Run it twice, in fresh JVMs, with and without the agent:
 * <pre>
 * java -cp CP dev.crashlab.faults.agent.IdleOverhead plain /dev/shm/x
 * java -javaagent:byte-buddy-agent.jar -cp CP dev.crashlab.faults.agent.IdleOverhead agent /dev/shm/y
 * </pre>
 * It prints the median time of a reference-store put (Durability.NONE) and of a 64-byte
 * FileChannel.write, each over batches after a warm-up.
 */
public final class IdleOverhead {

    private IdleOverhead() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("agent")) {
            Agent.install();
        }
        Path dir = Files.createDirectories(Path.of(args[1]));
        WriteOnceStore<String> store = WriteOnceStore.builder(dir.resolve("store"), Codecs.utf8())
                .durability(Durability.NONE).build();
        int[] key = {0};
        double put = median(() -> store.put("k" + key[0]++, "value of some forty bytes, give or take."), 2_000, 9);
        try (FileChannel ch = FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(64);
            double write = median(() -> {
                buf.clear();
                ch.write(buf, 0);
            }, 200_000, 9);
            System.out.printf("%s: put %.0f ns, 64-byte write %.0f ns%n", args[0], put, write);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static double median(Step step, int perBatch, int batches) throws Exception {
        for (int i = 0; i < perBatch; i++) {
            step.run();
        }
        double[] nanos = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                step.run();
            }
            nanos[b] = (System.nanoTime() - start) / (double) perBatch;
        }
        Arrays.sort(nanos);
        return nanos[batches / 2];
    }
}
