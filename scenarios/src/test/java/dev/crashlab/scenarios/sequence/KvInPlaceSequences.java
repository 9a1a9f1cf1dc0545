package dev.crashlab.scenarios.sequence;

import dev.crashlab.faults.crash.ProcessCrash;
import java.util.List;

/** The seeded three-step bug of {@link Kv} as the command line loads it: {@code check --target} of this class. */
public class KvInPlaceSequences implements SequencesProvider {

    @Override
    public Sequences<?, ?> sequences() {
        return KvSequencesTest.kv(Kv::openInPlace).target(b -> b.models(List.of(new ProcessCrash()))).build();
    }
}
