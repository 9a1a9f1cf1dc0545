package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.target.Context;
import dev.crashlab.scenarios.target.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * G5 for readers: a stored entry is damaged on disk the ways Lucene's MockDirectoryWrapper damages
 * unsynced files (truncated, zeroed, bit-flipped) plus an empty and a foreign file; the target's
 * reader must report it with its dedicated error, never answer absent or a value.
 */
final class CorruptionProbe {

    record Damage(String name, UnaryOperator<byte[]> apply) {
    }

    static final List<Damage> DAMAGES = List.of(
            new Damage("truncated to half", b -> Arrays.copyOf(b, b.length / 2)),
            new Damage("zero-filled", b -> new byte[b.length]),
            new Damage("one bit flipped", b -> {
                byte[] c = b.clone();
                c[c.length / 2] ^= 1;
                return c;
            }),
            new Damage("emptied", b -> new byte[0]),
            new Damage("replaced by a foreign file", b -> "not an entry\n".getBytes()));

    private final Supplier<Path> freshRoot;
    private final long seed;

    CorruptionProbe(Supplier<Path> freshRoot, long seed) {
        this.freshRoot = freshRoot;
        this.seed = seed;
    }

    void explore(StoreTarget target, Tally tally) throws Exception {
        Workload workload = Workload.of(new Step.Put("k1", Value.small("small-a")));
        for (int d = 0; d < DAMAGES.size(); d++) {
            Damage damage = DAMAGES.get(d);
            Path root = freshRoot.get();
            target.perform(root, workload.steps().get(0));
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.write(f, damage.apply().apply(Files.readAllBytes(f)));
                }
            }
            Observation seen = target.read(root, "k1");
            if (seen instanceof Observation.Invalid) {
                tally.held(target, Guarantee.G5, Context.CORRUPT_ENTRY);
            } else {
                int ordinal = d;
                tally.broken(target, Guarantee.G5, Context.CORRUPT_ENTRY, () -> new Counterexample(
                        new Cell(target.id(), Guarantee.G5, Context.CORRUPT_ENTRY), workload,
                        "the entry file " + damage.name() + " after the put", null, -1, false, null, "", "k1: " + seen,
                        "k1: the invalid-entry error naming the file and how to recover", null,
                        Seeds.token(seed, target.id(), 0, Context.CORRUPT_ENTRY, ordinal), ""));
            }
        }
    }
}
