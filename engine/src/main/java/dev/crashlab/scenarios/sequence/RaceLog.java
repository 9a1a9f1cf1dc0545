package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sequence's writer and its rival did in one run of a race: each step each began, in order,
 * when it began and ended on one clock both tick, and whether the store failed it. Only that clock
 * says what ended before what began; which writer was paused, and where, follows from it, so the
 * judge needs nothing from the interleaver. Reset by each run's set-up.
 */
final class RaceLog {

    /** One step a writer began: its place on the clock, and whether the store failed it. */
    record Step(String label, ApiOperation.Action model, List<Object> args, long began, long ended, boolean threw) {
    }

    private long clock;
    private final List<Step> writer = new ArrayList<>();
    private final List<Step> rival = new ArrayList<>();
    private boolean rivalBegan;

    synchronized void reset() {
        writer.clear();
        rival.clear();
        rivalBegan = false;
    }

    synchronized long tick() {
        return ++clock;
    }

    synchronized void rivalBegins() {
        rivalBegan = true;
    }

    /** Whether the rival has begun in this run: from then on the writer is no longer alone with the model. */
    synchronized boolean rivalBegan() {
        return rivalBegan;
    }

    synchronized void did(boolean byRival, Step step) {
        (byRival ? rival : writer).add(step);
    }

    synchronized List<Step> writer() {
        return List.copyOf(writer);
    }

    synchronized List<Step> rival() {
        return List.copyOf(rival);
    }
}
