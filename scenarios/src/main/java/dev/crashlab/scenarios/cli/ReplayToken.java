package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Model;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A counterexample's replay token, as {@code Seeds.token} writes it:
 * {@code seed:target:workload:context:ordinal}, e.g. {@code 20261122:stream-to-final:3:process-crash:7}.
 */
record ReplayToken(long seed, String target, int workload, Model context, int ordinal) {

    @Override
    public String toString() {
        return seed + ":" + target + ":" + workload + ":" + context + ":" + ordinal;
    }

    static final class Converter implements ITypeConverter<ReplayToken> {
        @Override
        public ReplayToken convert(String value) {
            String v = value.trim();
            int first = v.indexOf(':');
            String[] tail = first < 0 ? new String[0] : v.substring(first + 1).split(":", -1);
            if (tail.length < 4) {
                throw bad(value, "it is not seed:target:workload:context:ordinal");
            }
            // The target is whatever lies between the seed and the last three fields.
            String target = String.join(":", java.util.Arrays.copyOfRange(tail, 0, tail.length - 3));
            String contextName = tail[tail.length - 2];
            if (!Units.targetIds().contains(target)) {
                throw bad(value, "it names no known target ('" + target + "')");
            }
            Model context = Contexts.ALL.stream().filter(m -> m.wireName().equals(contextName)).findFirst()
                    .orElseThrow(() -> bad(value, "it names no known context ('" + contextName + "')"));
            try {
                long seed = Long.parseLong(v.substring(0, first));
                int workload = Integer.parseInt(tail[tail.length - 3]);
                int ordinal = Integer.parseInt(tail[tail.length - 1]);
                if (workload < 0 || ordinal < 0) {
                    throw bad(value, "its workload and ordinal cannot be negative");
                }
                return new ReplayToken(seed, target, workload, context, ordinal);
            } catch (NumberFormatException e) {
                throw bad(value, "its seed, workload or ordinal is not a number");
            }
        }

        private static TypeConversionException bad(String value, String why) {
            return new TypeConversionException("'" + value + "' is not a replay token: " + why
                    + "; copy it from a counterexample's 'replay' line, e.g. 20261122:stream-to-final:0:process-crash:5");
        }
    }
}
