package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The {@link Scaling} family's results as time against n: per shape, each size's check time, how
 * many times the previous size's it took, and the growth exponent between the two (1 is linear in
 * n, 2 quadratic), then a log-log chart with a line per shape.
 */
final class ScalingCurve {

    static final String BENCHMARK = "Scaling.check";
    private static final String SINGLE_SHOT = "ss";

    /** One check's time, in milliseconds. */
    record Point(String shape, int n, Estimate millis) {
    }

    private ScalingCurve() {
    }

    /** The shapes' points in order of n; empty when the family did not run. */
    static Map<String, List<Point>> from(Measurements m) {
        Map<String, List<Point>> out = new TreeMap<>();
        for (Measurement x : m.all()) {
            if (x.benchmark().equals(BENCHMARK) && x.mode().equals(SINGLE_SHOT)) {
                Estimate us = x.score();
                Estimate ms = new Estimate(us.value() / 1000, us.error() == null ? null : us.error() / 1000);
                out.computeIfAbsent(x.param("shape"), s -> new ArrayList<>())
                        .add(new Point(x.param("shape"), Integer.parseInt(x.param("n")), ms));
            }
        }
        out.values().forEach(points -> points.sort((a, b) -> Integer.compare(a.n(), b.n())));
        return out;
    }

    static String markdown(Map<String, List<Point>> curves, String header) {
        StringBuilder out = new StringBuilder("# Time against n: what a check costs as the target grows\n\n")
                .append(header).append("\n\n")
                .append("One whole check (`CrashCheck.run`: record, the concurrent reader, four persistence models) per ")
                .append("invocation, mean ± the half-width of JMH's 99.9% confidence interval. The growth exponent between two ")
                .append("sizes is log(t2/t1)/log(n2/n1): 1 is linear in n, 2 quadratic. The shapes and the cost model: ")
                .append("docs/scaling.md.\n\n")
                .append("| shape | n | check, ms | × previous n | growth exponent |\n|---|--:|--:|--:|--:|\n");
        curves.forEach((shape, points) -> {
            Point previous = null;
            for (Point p : points) {
                out.append("| ").append(shape).append(" | ").append(p.n()).append(" | ").append(p.millis().describe()).append(" | ");
                if (previous != null && previous.millis().value() > 0 && p.n() > previous.n()) {
                    double times = p.millis().value() / previous.millis().value();
                    out.append(Estimate.format(times)).append("x | ")
                            .append(String.format("%.2f", Math.log(times) / Math.log((double) p.n() / previous.n())));
                } else {
                    out.append(" | ");
                }
                out.append(" |\n");
                previous = p;
            }
        });
        return out.toString();
    }

    /** Writes {@code scaling.svg} and {@code scaling.png} into {@code dir}. */
    static void chart(Map<String, List<Point>> curves, Path dir) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((shape, points) -> {
            XYSeries s = new XYSeries(shape);
            points.forEach(p -> s.add(p.n(), p.millis().value()));
            data.addSeries(s);
        });
        LogAxis n = axis("n (log scale)");
        LogAxis millis = axis("check, ms (log scale)");
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, n, millis, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart("Time against n: one check per size",
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int width = 800;
        int height = 500;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(width, height));
        Files.writeString(dir.resolve("scaling.svg"), g.getSVGDocument(), StandardCharsets.UTF_8);
        ChartUtils.saveChartAsPNG(dir.resolve("scaling.png").toFile(), chart, width, height);
    }

    private static LogAxis axis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        return axis;
    }
}
