package dev.crashlab.scenarios.sequence;

import example.readme.Entries;

/**
 * The check-then-rename race of {@link Entries} as the command line loads it, with the default walk
 * and models: {@code ./crashlab check --target dev.crashlab.scenarios.sequence.RacingEntriesSequences
 * --classpath scenarios/target/test-classes --out DIR} is how its time to the failure is measured.
 */
public class RacingEntriesSequences implements SequencesProvider {

    @Override
    public Sequences<?, ?> sequences() {
        return RacingSequencesTest.wo(Entries::openCheckThenAct).build();
    }
}
