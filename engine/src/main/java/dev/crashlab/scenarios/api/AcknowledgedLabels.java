package dev.crashlab.scenarios.api;

import dev.crashlab.faults.trace.Acknowledgement;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The labels of a run's first acknowledgements, read through without a copy: what was acknowledged
 * is asked at every crash state and pause point, and a copy of the labels each time cost a log of n
 * records n per state. Immutable, as the run's acknowledgements are.
 */
final class AcknowledgedLabels extends AbstractList<String> implements RandomAccess {

    private final List<Acknowledgement> acknowledgements;
    private final int count;

    /** The labels of {@code acknowledgements[0, count)}; the list is the run's own, which never changes. */
    AcknowledgedLabels(List<Acknowledgement> acknowledgements, int count) {
        this.acknowledgements = acknowledgements;
        this.count = count;
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return acknowledgements.get(i).label();
    }

    @Override
    public int size() {
        return count;
    }
}
