package dev.crashlab.faults.crash;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Operation indexes as one immutable list, the first part a prefix of an array every state of a
 * trace shares: a state's provenance lists every operation that persisted, and a copy of that per
 * state cost each state the length of the trace (a log of 10,000 records: 20,000 boxed indexes per
 * state, tens of thousands of states).
 */
final class Indexes extends AbstractList<Integer> implements RandomAccess {

    private final int[] shared;
    private final int sharedCount;
    private final int[] own;

    /** {@code shared[0, sharedCount)} then {@code own}; neither array may change afterwards. */
    Indexes(int[] shared, int sharedCount, int[] own) {
        this.shared = shared;
        this.sharedCount = sharedCount;
        this.own = own;
    }

    @Override
    public Integer get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i);
        }
        return i < sharedCount ? shared[i] : own[i - sharedCount];
    }

    @Override
    public int size() {
        return sharedCount + own.length;
    }
}
