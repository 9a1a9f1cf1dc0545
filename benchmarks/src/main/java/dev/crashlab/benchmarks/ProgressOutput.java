package dev.crashlab.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own output (thousands of lines) goes to a log file; the terminal gets one line per
 * benchmark and parameter set, with how long the run has taken so far. A reader of a CI log wants
 * the table at the end, and the log when a number looks wrong.
 */
final class ProgressOutput implements OutputFormat {

    private final OutputFormat log;
    private final PrintStream progress;
    private final String logName;
    private final long startNanos = System.nanoTime();
    private int started;

    ProgressOutput(OutputFormat log, PrintStream progress, String logName) {
        this.log = log;
        this.progress = progress;
        this.logName = logName;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark()
                .lastIndexOf('.') - 1) + 1);
        String values = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                .collect(Collectors.joining(" "));
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        progress.printf("crashlab bench: [%d] %s %s %s (%d min %02d s so far; JMH's output: %s)%n", ++started, name,
                params.getMode().shortLabel(), values, seconds / 60, seconds % 60, logName);
        progress.flush();
    }

    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {
        log.iteration(b, i, n);
    }

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        log.iterationResult(b, i, n, r);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        log.endRun(results);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
