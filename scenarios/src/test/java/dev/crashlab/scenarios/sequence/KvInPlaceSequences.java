package dev.crashlab.scenarios.sequence;

/**
 * The seeded three-step bug of {@link Kv} as the command line loads it, with the default walk and
 * models: {@code ./crashlab check --target dev.crashlab.scenarios.sequence.KvInPlaceSequences
 * --classpath scenarios/target/test-classes --out DIR} is how its time to the failure is measured.
 */
public class KvInPlaceSequences implements SequencesProvider {

    @Override
    public Sequences<?, ?> sequences() {
        return KvSequencesTest.kv(Kv::openInPlace).build();
    }
}
