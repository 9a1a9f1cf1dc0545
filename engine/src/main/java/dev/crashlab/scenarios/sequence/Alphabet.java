package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every step the operations allow (each operation with each combination of its arguments), in a
 * fixed order: operations as declared, arguments by domain index. The order is what "smaller" means
 * to the shrinker, and a step's place in it is how generation names it.
 */
final class Alphabet {

    private final List<ApiCall> letters = new ArrayList<>();
    private final Map<ApiCall, Integer> rank = new HashMap<>();
    private final Map<String, ApiCall> byCode = new HashMap<>();

    Alphabet(List<ApiOperation> operations) {
        for (ApiOperation op : operations) {
            int[] args = new int[op.domains().size()];
            for (int n = 0; n < op.letters(); n++) {
                ApiCall s = new ApiCall(op, args.clone());
                rank.put(s, letters.size());
                letters.add(s);
                byCode.put(s.code(), s);
                next(op, args);
            }
        }
    }

    /** The next combination, the last argument varying fastest. */
    private static void next(ApiOperation op, int[] args) {
        for (int i = args.length - 1; i >= 0; i--) {
            if (++args[i] < op.domains().get(i).size()) {
                return;
            }
            args[i] = 0;
        }
    }

    int size() {
        return letters.size();
    }

    ApiCall get(int i) {
        return letters.get(i);
    }

    int rank(ApiCall s) {
        return rank.get(s);
    }

    /** A step as {@link ApiCall#code()} wrote it, or what is wrong with the code. */
    ApiCall parse(String code) {
        ApiCall s = byCode.get(code);
        if (s == null) {
            throw new IllegalArgumentException("'" + code + "' names no operation with arguments in their domains; "
                    + "the steps are operation-index-index..., e.g. " + letters.get(0).code());
        }
        return s;
    }
}
