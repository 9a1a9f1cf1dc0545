package dev.crashlab.scenarios.property;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random workloads for the property tests: puts, putIfAbsents, gets and clears over adversarial
 * keys and values. Every choice shrinks towards the first option ({@code put(k1, small-a)}), so a
 * failing workload shrinks to one a person can read.
 */
final class Generators {

    /** 10 KB of path-looking characters: far longer than any file name the store could use. */
    static final String TEN_KB_KEY = "../k/".repeat(2048);
    /** An unpaired surrogate: not valid Unicode, so the store refuses it up front. */
    static final String UNPAIRED_SURROGATE = "bad\uD800key";

    /** k1 and k2 first (most of the interplay happens on them), then the adversarial keys. */
    static final List<String> KEYS = List.of(
            "k1", "k2",
            "",                      // the empty key
            "../../x",               // path traversal
            "/",                     // the root
            "\u0000",                // NUL
            TEN_KB_KEY,
            "ключ-🔑-キー",           // Cyrillic, an astral-plane emoji, Katakana
            "\u00e9",                // é precomposed ...
            "e\u0301",               // ... and decomposed: distinct keys that look alike
            "k1\n",                  // differs from k1 by a control character
            UNPAIRED_SURROGATE);

    /** Marks a value whose serializer throws part-way ({@link ThrowingSerializerTarget}). */
    static final byte[] THROWS_MARKER = "SERIALIZER-THROWS:".getBytes(StandardCharsets.US_ASCII);

    /** A value the throwing-serializer target cannot serialize: it writes half of it, then throws. */
    static final Value THROWING = throwing();

    private static Value throwing() {
        byte[] payload = Value.sized("throwing", 4096).bytes();
        System.arraycopy(THROWS_MARKER, 0, payload, 0, THROWS_MARKER.length);
        return new Value("serializer-throws", payload);
    }

    static boolean throwsOnSerialization(Value v) {
        byte[] b = v.bytes();
        if (b.length < THROWS_MARKER.length) {
            return false;
        }
        for (int i = 0; i < THROWS_MARKER.length; i++) {
            if (b[i] != THROWS_MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    private Generators() {
    }

    /** Key weights: mostly k1 and k2, so steps meet on a key; each adversarial key often. */
    private static final List<Pair<Integer, String>> KEY_WEIGHTS = keyWeights();
    /** A random string of up to 6 BMP characters (an unpaired surrogate among them now and then) this often. */
    private static final int RANDOM_KEY_WEIGHT = 5;

    private static List<Pair<Integer, String>> keyWeights() {
        List<Pair<Integer, String>> out = new ArrayList<>(List.of(Pair.of(25, "k1"), Pair.of(15, "k2")));
        KEYS.subList(2, KEYS.size()).forEach(k -> out.add(Pair.of(2, k)));
        return out;
    }

    private static Gen<String> randomKeys() {
        return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 6);
    }

    /** The keys with the weights steps use; for generators that add a step of their own. */
    static Gen<String> keys() {
        List<Pair<Integer, Gen<String>>> choices = new ArrayList<>();
        KEY_WEIGHTS.forEach(k -> choices.add(Pair.of(k._1, Generate.constant(k._2))));
        choices.add(Pair.of(RANDOM_KEY_WEIGHT, randomKeys()));
        return Generate.frequency(choices);
    }

    /**
     * Value weights: small values mostly; empty and 1-byte ones often; a 192 KiB one (three copy
     * chunks, 48 sectors) sometimes; 1 MiB rarely (one put in a hundred: its crash states cost
     * seconds); and, for targets that serialize, a value whose serializer throws.
     */
    private static List<Pair<Integer, Value>> valueWeights(boolean withThrowing) {
        List<Pair<Integer, Value>> out = new ArrayList<>(List.of(
                Pair.of(40, Value.small("small-a")),
                Pair.of(25, Value.small("small-b")),
                Pair.of(15, Value.empty()),
                Pair.of(15, Value.sized("one-byte", 1)),
                Pair.of(6, Value.sized("multi-chunk", 192 << 10)),
                Pair.of(1, Value.large("large"))));
        if (withThrowing) {
            out.add(Pair.of(15, THROWING));
        }
        return out;
    }

    /**
     * One step, from a single weighted choice among every (operation, key, value) combination:
     * put 6, putIfAbsent 3, get 3, clear 1, times the key's and the value's weight.
     *
     * <p>One choice per step keeps shrinking effective: QuickTheories shrinks by moving one random
     * draw at a time towards its first option, so the fewer draws a workload takes, the more often
     * the draw of its length is the one moved. The first option is {@code put("k1", small-a)}, so
     * every step of a failing workload shrinks towards a put that still fails, and then the length
     * shrinks.
     */
    static Gen<Step> steps(boolean withThrowing) {
        List<Pair<Integer, Value>> values = valueWeights(withThrowing);
        int valueTotal = values.stream().mapToInt(v -> v._1).sum();
        int keyTotal = KEY_WEIGHTS.stream().mapToInt(k -> k._1).sum() + RANDOM_KEY_WEIGHT;
        List<Pair<Integer, Gen<Step>>> choices = new ArrayList<>();
        for (boolean ifAbsent : new boolean[] {false, true}) {
            int op = ifAbsent ? 3 : 6;
            for (Pair<Integer, String> k : KEY_WEIGHTS) {
                for (Pair<Integer, Value> v : values) {
                    Step step = ifAbsent ? new Step.PutIfAbsent(k._2, v._2) : new Step.Put(k._2, v._2);
                    choices.add(Pair.of(op * k._1 * v._1, Generate.constant(step)));
                }
            }
            for (Pair<Integer, Value> v : values) {
                choices.add(Pair.of(op * RANDOM_KEY_WEIGHT * v._1, randomKeys().map(
                        key -> ifAbsent ? new Step.PutIfAbsent(key, v._2) : new Step.Put(key, v._2))));
            }
        }
        choices.add(Pair.of(keyTotal * valueTotal, Generate.constant(new Step.Clear())));
        for (Pair<Integer, String> k : KEY_WEIGHTS) {
            choices.add(Pair.of(3 * k._1 * valueTotal, Generate.constant(new Step.Get(k._2))));
        }
        choices.add(Pair.of(3 * RANDOM_KEY_WEIGHT * valueTotal, randomKeys().map(Step.Get::new)));
        return Generate.frequency(choices);
    }

    /** Workloads of {@code min..max} steps, printed with their keys escaped and shortened. */
    static Gen<Workload> workloads(int min, int max, boolean withThrowing) {
        return lists().of(steps(withThrowing)).ofSizeBetween(min, max).map(Workload::new)
                .describedAs(Generators::describe);
    }

    /** Whether a step is a put or putIfAbsent of a key the store accepts. */
    static boolean writesValidKey(Step s) {
        return s.writtenKey() != null && Model.validKey(s.writtenKey());
    }

    /** e.g. {@code [3 steps] put("k1", small-a); get("\u0000"); clear()}. */
    static String describe(Workload w) {
        return "[" + w.size() + " steps] " + w.steps().stream().map(Generators::describe).collect(Collectors.joining("; "));
    }

    static String describe(Step s) {
        if (s instanceof Step.Put p) {
            return "put(" + quote(p.key()) + ", " + p.value() + ")";
        }
        if (s instanceof Step.PutIfAbsent p) {
            return "putIfAbsent(" + quote(p.key()) + ", " + p.value() + ")";
        }
        if (s instanceof Step.Get g) {
            return "get(" + quote(g.key()) + ")";
        }
        return "clear()";
    }

    /** The key quoted, with control characters and surrogates escaped, long keys shortened. */
    static String quote(String key) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(key.length(), 24);
        for (int i = 0; i < shown; i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || Character.isSurrogate(c) && !validPairAt(key, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (key.length() > shown) {
            out.append("...(").append(key.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean validPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
