package dev.crashlab.scenarios.check;

import static dev.crashlab.scenarios.check.StoreTraces.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ACE-style: every workload of up to 3 puts over 2 keys and 2 values, as the reference store would
 * trace it (a repeated put of the same value does no I/O; of another value it is refused), judged
 * in every crash state of every model, with a small and a 1 MiB value as issue 4 asks (about 40 s
 * on two busy cores; the tears of a 1 MiB write are the 16 spread boundaries of the models).
 */
@ExtendWith(QuietStoreLog.class)
class BoundedWorkloadsTest {

    static List<StoreTraces> workloads(byte[] small, byte[] large, Durability durability) {
        List<StoreTraces> all = new ArrayList<>();
        String[] keys = {"k1", "k2"};
        byte[][] values = {small, large};
        for (int length = 1; length <= 3; length++) {
            for (int code = 0; code < Math.pow(4, length); code++) {
                StoreTraces w = new StoreTraces();
                Map<String, byte[]> held = new HashMap<>();
                for (int step = 0, c = code; step < length; step++, c /= 4) {
                    String key = keys[c % 2];
                    byte[] value = values[(c / 2) % 2];
                    if (!held.containsKey(key)) {
                        held.put(key, value);
                        w.put(Protocol.REFERENCE, durability, key, value);
                    } else if (Arrays.equals(held.get(key), value)) {
                        w.samePutAgain(key, value);
                    } else {
                        w.refusedPut(key, value);
                    }
                }
                all.add(w);
            }
        }
        return all;
    }

    static byte[] large(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void theReferenceWithFileAndDirectoryPassesEveryCheckEverywhere() {
        List<StoreTraces> workloads = workloads(utf8("small-a"), large(1 << 20), Durability.FILE_AND_DIRECTORY);
        assertEquals(4 + 16 + 64, workloads.size());
        long verdicts = 0;
        for (StoreTraces w : workloads) {
            Expectations e = w.expect(Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE);
            for (PersistenceModel model : PersistenceModel.builtIn()) {
                List<CheckResult> results = CrashChecks.run(w.trace(), e, model, Exploration.defaults());
                verdicts += results.size();
                assertTrue(results.stream().allMatch(CheckResult::passed), () -> Verdicts.failures(results));
            }
        }
        assertTrue(verdicts > 84 * 4 * 6, "verdicts: " + verdicts);
    }
}
