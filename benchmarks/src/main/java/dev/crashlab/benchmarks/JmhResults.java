package dev.crashlab.benchmarks;

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
            out.add(new Measurement(shortName(p.getBenchmark()), params, mode,
                    new Estimate(primary.getScore(), finite(primary.getScoreError())), p50, p99));
        }
        return new Measurements(out);
    }

    /** "dev.crashlab.benchmarks.StorePut.put" -> "StorePut.put". */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static double finite(double error) {
        return Double.isFinite(error) ? error : 0;
    }
}
