package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** Reads JMH's results into {@link Measurement}s (the JSON file JMH writes holds the same figures). */
final class JmhResults {

    private JmhResults() {
    }

    static Measurements of(Collection<RunResult> results) {
        List<Measurement> out = new ArrayList<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : p.getParamsKeys()) {
                params.put(key, p.getParam(key));
            }
            Result<?> primary = r.getPrimaryResult();
            String mode = p.getMode().shortLabel();
            Double p50 = null;
            Double p99 = null;
            if (mode.equals(Measurements.SAMPLE)) {
                Statistics s = primary.getStatistics();
                p50 = s.getPercentile(50);
                p99 = s.getPercentile(99);
            }
            double scale = scale(primary.getScoreUnit());
            out.add(new Measurement(shortName(p.getBenchmark()), params, mode,
                    Estimate.measured(primary.getScore() * scale, primary.getScoreError() * scale),
                    p50 == null ? null : p50 * scale, p99 == null ? null : p99 * scale));
            for (Map.Entry<String, Result> aux : r.getSecondaryResults().entrySet()) {
                // Counters such as CrashStatesChecked's "states"; JMH's own ":p0.50"-style entries are not.
                if (!aux.getKey().contains(":") && !aux.getKey().startsWith("\u00b7") && isRate(aux.getValue())) {
                    Result<?> a = aux.getValue();
                    double auxScale = scale(a.getScoreUnit());
                    out.add(new Measurement(shortName(p.getBenchmark()) + ":" + aux.getKey(), params, mode,
                            Estimate.measured(a.getScore() * auxScale, a.getScoreError() * auxScale), null, null));
                }
            }
        }
        return new Measurements(out);
    }

    /**
     * The factor to microseconds per operation (latencies) or to operations per second
     * (throughputs), whatever @OutputTimeUnit a benchmark chose: every figure in the table is in
     * those two units.
     */
    static double scale(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/us" -> 1e6;
            case "ops/ms" -> 1e3;
            case "ops/s" -> 1;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static boolean isRate(Result<?> r) {
        return r.getScoreUnit().startsWith("ops/");
    }

    /** "dev.crashlab.benchmarks.StorePut.put" -> "StorePut.put". */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
