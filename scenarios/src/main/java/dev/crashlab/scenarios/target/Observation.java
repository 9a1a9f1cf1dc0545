package dev.crashlab.scenarios.target;

import java.util.Arrays;

/** What a reader found for one key. */
public sealed interface Observation {

    /** No entry: the reader answered "absent". */
    record Absent() implements Observation {
        @Override
        public String toString() {
            return "absent";
        }
    }

    /** An entry with these value bytes. */
    record Found(byte[] value) implements Observation {
        @Override
        public boolean equals(Object o) {
            return o instanceof Found f && Arrays.equals(value, f.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "a value of " + value.length + " bytes";
        }
    }

    /** The reader reported the entry as invalid with a dedicated error that says how to recover. */
    record Invalid(String message) implements Observation {
        @Override
        public String toString() {
            return "the invalid-entry error: " + message;
        }
    }

    /** The reader failed in some other way (a NoSuchFileException, an EOF, a lock it waited on...). */
    record Failed(String error) implements Observation {
        @Override
        public String toString() {
            return "an error: " + error;
        }
    }

    Observation ABSENT = new Absent();
}
