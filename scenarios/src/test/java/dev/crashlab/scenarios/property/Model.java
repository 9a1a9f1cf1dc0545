package dev.crashlab.scenarios.property;

import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.store.EntryExistsException;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a correct write-once store does, as a map: the oracle of the live check. A put of a new key
 * stores; a put of the value already held does nothing; of another value it is refused
 * (EntryExistsException); putIfAbsent never fails on an existing value; clear empties the store.
 * A key that is not valid Unicode is refused by every operation, and a value whose serializer
 * throws is never stored.
 */
final class Model {

    /** How a step must end: normally, or by throwing an exception of this kind. */
    enum Outcome { RETURNS, CONFLICT, INVALID_KEY, SERIALIZER_THROWS }

    private final Map<String, Value> held = new HashMap<>();
    private final boolean serializerThrows;

    /** @param serializerThrows whether the target's serializer throws on {@link Generators#THROWING} */
    Model(boolean serializerThrows) {
        this.serializerThrows = serializerThrows;
    }

    static boolean validKey(String key) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(key));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether {@code step}, applied now, would start writing a new entry. */
    boolean wouldWrite(Step step) {
        String key = step.writtenKey();
        return key != null && validKey(key) && !held.containsKey(key);
    }

    /** Applies the step to the model and returns how the real store must end it. */
    Outcome apply(Step step) {
        if (step instanceof Step.Clear) {
            held.clear();
            return Outcome.RETURNS;
        }
        if (step instanceof Step.Get g) {
            return validKey(g.key()) ? Outcome.RETURNS : Outcome.INVALID_KEY;
        }
        String key = step.writtenKey();
        Value value = step.writtenValue();
        if (!validKey(key)) {
            return Outcome.INVALID_KEY;
        }
        if (serializerThrows && Generators.throwsOnSerialization(value)) {
            return Outcome.SERIALIZER_THROWS;
        }
        Value current = held.get(key);
        if (current == null) {
            held.put(key, value);
            return Outcome.RETURNS;
        }
        if (current.sameBytes(value.bytes()) || step instanceof Step.PutIfAbsent) {
            return Outcome.RETURNS;
        }
        return Outcome.CONFLICT;
    }

    /** Whether a real outcome ({@code null}: returned normally) is the one the model expects. */
    static boolean matches(Outcome expected, Exception thrown) {
        return switch (expected) {
            case RETURNS -> thrown == null;
            case CONFLICT -> thrown instanceof EntryExistsException;
            case INVALID_KEY -> thrown instanceof IllegalArgumentException;
            case SERIALIZER_THROWS -> thrown instanceof IOException
                    && String.valueOf(thrown.getMessage()).contains(ThrowingSerializerTarget.FAILURE);
        };
    }

    /** Whether a reader's observation of {@code key} is what the model holds. */
    boolean admits(String key, Observation seen) {
        if (!validKey(key)) {
            return seen instanceof Observation.Failed f && f.error().contains("IllegalArgumentException");
        }
        Value v = held.get(key);
        if (v == null) {
            return seen instanceof Observation.Absent;
        }
        return seen instanceof Observation.Found f && v.sameBytes(f.value());
    }

    String expected(String key) {
        if (!validKey(key)) {
            return "refused (not valid Unicode)";
        }
        Value v = held.get(key);
        return v == null ? "absent" : v.toString();
    }
}
