package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bounded-exhaustive generation gives every sequence once, shortest first; the random part is the seed's. */
class GenerationTest {

    static Alphabet alphabet(int... domainSizes) {
        List<ApiOperation> ops = new ArrayList<>();
        for (int i = 0; i < domainSizes.length; i++) {
            List<List<?>> domains = new ArrayList<>();
            for (int d = 0; d < domainSizes[i] % 10; d++) {
                domains.add(List.of(1, 2, 3, 4, 5).subList(0, domainSizes[i] / 10));
            }
            ops.add(new ApiOperation("op" + i, domains, (s, a) -> { }, (m, a) -> { }, true));
        }
        return new Alphabet(ops);
    }

    @Test
    void theAlphabetHoldsEachOperationWithEachCombinationOfItsArguments() {
        // op0: no argument (1), op1: one argument of 3 values (3), op2: two arguments of 2 values (4)
        Alphabet a = alphabet(0, 31, 22);
        assertEquals(1 + 3 + 4, a.size());
        assertEquals(List.of("op0()", "op1(1)", "op1(2)", "op1(3)", "op2(1, 1)", "op2(1, 2)", "op2(2, 1)", "op2(2, 2)"),
                java.util.stream.IntStream.range(0, a.size()).mapToObj(i -> a.get(i).display()).toList());
    }

    @Test
    void exhaustiveCountsMatchTheSumOfPowersAndEverySequenceComesOnceShortestFirst() {
        for (int[] shape : new int[][] {{0}, {0, 0}, {21, 0}, {0, 31, 22}, {22, 21, 0}}) {
            Alphabet a = alphabet(shape);
            for (int k = 0; k <= 4; k++) {
                long formula = 0;
                for (int n = 1; n <= k; n++) {
                    formula += (long) Math.pow(a.size(), n);
                }
                assertEquals(formula, Generation.exhaustiveCount(a.size(), k));
                Set<List<ApiCall>> seen = new HashSet<>();
                int lastLength = 0;
                for (Iterator<List<ApiCall>> it = Generation.exhaustive(a, k); it.hasNext(); ) {
                    List<ApiCall> s = it.next();
                    assertTrue(s.size() >= lastLength, "shortest first");
                    lastLength = s.size();
                    assertTrue(seen.add(s), "generated twice: " + s);
                }
                assertEquals(formula, seen.size(), "L = " + a.size() + ", K = " + k);
            }
        }
    }

    @Test
    void aCountThatDoesNotFitALongIsTheLargestLong() {
        assertEquals(Long.MAX_VALUE, Generation.exhaustiveCount(1000, 10));
    }

    @Test
    void theRandomPartIsTheSeedsWithinItsLengths() {
        Alphabet a = alphabet(0, 31, 22);
        List<List<ApiCall>> first = list(Generation.random(a, 7, 50, 4, 8));
        assertEquals(first, list(Generation.random(a, 7, 50, 4, 8)), "the same seed gives the same sequences");
        assertNotEquals(first, list(Generation.random(a, 8, 50, 4, 8)));
        assertEquals(50, first.size());
        assertTrue(first.stream().allMatch(s -> s.size() >= 4 && s.size() <= 8));
        assertEquals(Set.of(4, 5, 6, 7, 8), new HashSet<>(first.stream().map(List::size).toList()));
    }

    private static List<List<ApiCall>> list(Iterator<List<ApiCall>> it) {
        List<List<ApiCall>> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
