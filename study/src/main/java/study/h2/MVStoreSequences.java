package study.h2;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.sequence.Sequences;
import dev.crashlab.scenarios.sequence.SequencesProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2 MVStore's map API as a sequence check: put, remove, commit and close-and-reopen over two keys
 * and two values. A commit (and a close, which stores what is pending, as the writer's last act
 * does too) is the promise; a reader
 * opening the file after a crash must find the map as some commit left it. Claims as
 * {@link MVStoreCommitTarget}: G2 everywhere, G3 under process-crash only (H2's documentation says
 * committed changes can be lost on a power failure), no G1 (the store locks its file).
 */
public class MVStoreSequences implements SequencesProvider {

    static final List<String> KEYS = List.of("a", "b");
    static final List<String> VALUES = List.of("1", "2");

    /** The open store and its map; a reopen replaces both. */
    static final class Handle {
        final Path root;
        MVStore store;
        MVMap<String, String> map;

        Handle(Path root) {
            this.root = root;
            open();
        }

        void open() {
            store = MVStoreCommitTarget.open(root);
            map = store.openMap("m");
        }

        void reopen() {
            store.close();
            open();
        }
    }

    /** What was committed, and what is pending: a reader after a crash may rely on the first only. */
    static final class Model {
        Map<String, String> committed = new TreeMap<>();
        final Map<String, String> pending = new TreeMap<>();

        void commit() {
            committed = new TreeMap<>(pending);
        }
    }

    @Override
    public Sequences<?, ?> sequences() {
        return Sequences.builder("h2-mvstore-map", Handle::new, h -> h.store.close(), Model::new)
                .reader(MVStoreSequences::read, m -> m.committed)
                .operation("put", KEYS, VALUES, (h, k, v) -> h.map.put(k, v), (m, k, v) -> m.pending.put(k, v))
                .operation("remove", KEYS, (h, k) -> h.map.remove(k), (m, k) -> m.pending.remove(k))
                .operation("commit", h -> h.store.commit(), Model::commit)
                .operation("reopen", Handle::reopen, Model::commit)
                .acknowledgedBy("commit", "reopen")
                .closing(Model::commit)                              // close stores what is pending
                .claims(Guarantee.G2, Guarantee.G3)
                .target(t -> t.claimsUnder(Guarantee.G3, "process-crash").notMine("org.h2."))
                .exhaustive(2)
                .random(40, 6)
                .budget(500, Duration.ofMinutes(10))
                .build();
    }

    static Map<String, String> read(Path root) {
        try (MVStore s = MVStoreCommitTarget.open(root)) {
            return new TreeMap<>(s.<String, String>openMap("m"));
        }
    }
}
