package dev.crashlab.scenarios.workload;

/** One operation of a workload against a key/value target. */
public sealed interface Step {

    /** put: write-once; fails on a different existing value. */
    record Put(String key, Value value) implements Step {
        @Override
        public String toString() {
            return "put(" + key + ", " + value + ")";
        }
    }

    /** putIfAbsent: stores only if the key holds nothing. */
    record PutIfAbsent(String key, Value value) implements Step {
        @Override
        public String toString() {
            return "putIfAbsent(" + key + ", " + value + ")";
        }
    }

    /** get: reads the key. */
    record Get(String key) implements Step {
        @Override
        public String toString() {
            return "get(" + key + ")";
        }
    }

    /** clear: deletes every entry. */
    record Clear() implements Step {
        @Override
        public String toString() {
            return "clear()";
        }
    }

    /** The key a step writes, or null for get and clear. */
    default String writtenKey() {
        if (this instanceof Put p) {
            return p.key();
        }
        return this instanceof PutIfAbsent p ? p.key() : null;
    }

    /** The value a step writes, or null. */
    default Value writtenValue() {
        if (this instanceof Put p) {
            return p.value();
        }
        return this instanceof PutIfAbsent p ? p.value() : null;
    }
}
