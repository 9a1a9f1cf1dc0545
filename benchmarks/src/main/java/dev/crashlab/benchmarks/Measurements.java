package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** All results of one run, looked up by benchmark and parameters. */
final class Measurements {

    public static final String SAMPLE = "sample";
    public static final String THROUGHPUT = "thrpt";

    private final List<Measurement> all;

    public Measurements(List<Measurement> all) {
        this.all = List.copyOf(all);
    }

    public List<Measurement> all() {
        return all;
    }

    /** Looks up a result; {@code params} alternate name and value. */
    public Optional<Measurement> find(String benchmark, String mode, String... params) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            wanted.put(params[i], params[i + 1]);
        }
        return all.stream().filter(m -> m.matches(benchmark, mode, wanted)).findFirst();
    }

    /** The sampled latency of a benchmark, if it ran. */
    public Optional<Measurement> latency(String benchmark, String... params) {
        return find(benchmark, SAMPLE, params);
    }

    /** Operations per second (throughputs are stored per second): measured in throughput mode when it ran, else 1/mean latency. */
    public Optional<Estimate> opsPerSecond(Measurement latency) {
        String[] params = latency.params().entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
        return find(latency.benchmark(), THROUGHPUT, params)
                .map(Measurement::score)
                .or(() -> Optional.of(latency.score().reciprocalPerSecond()));
    }

    /** The distinct values a parameter took, sorted (numerically where they are numbers). */
    public TreeSet<String> values(String param) {
        TreeSet<String> out = new TreeSet<>(Measurements::compareValues);
        all.stream().map(m -> m.param(param)).filter(v -> v != null).forEach(out::add);
        return out;
    }

    static int compareValues(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
