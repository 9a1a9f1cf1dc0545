package dev.crashlab.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * One chart per medium: mean latency of every option, group commit and peer, a bar per value size,
 * on a log axis (a NONE put and a durable 1 MiB put are three orders of magnitude apart), with the
 * 99.9% error as whiskers. Each label carries the guarantees held, so the chart alone answers
 * "what does each guarantee cost".
 */
public final class CostChart {

    private static final int WIDTH = 1000;

    private CostChart() {
    }

    /** Writes {@code <stem>.svg} and {@code <stem>.png}; returns the SVG's path. */
    public static Path write(List<CostTable> tables, String fs, Path dir, String stem) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        int categories = 0;
        for (CostTable t : tables) {
            if (!t.fs().equals(fs)) {
                continue;
            }
            for (CostRow r : t.rows()) {
                if (r.section().equals("floor") && !r.label().equals("bare syscalls (FILE_AND_DIRECTORY)")) {
                    continue;
                }
                String label = r.holds().isEmpty() || r.section().equals("peer")
                        ? r.label() : r.label() + " [" + r.holds() + "]";
                if (data.getColumnIndex(label) < 0) {
                    categories++;
                }
                data.add(r.mean().value(), r.mean().error(), Sizes.describe(t.size()), label);
            }
        }
        JFreeChart chart = chart(fs, data);
        int height = 140 + categories * 22 * Math.max(1, data.getRowCount());
        Path svg = dir.resolve(stem + ".svg");
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        chart.draw(g, new Rectangle(WIDTH, height));
        Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
        ChartUtils.saveChartAsPNG(dir.resolve(stem + ".png").toFile(), chart, WIDTH, height);
        return svg;
    }

    private static JFreeChart chart(String fs, DefaultStatisticalCategoryDataset data) {
        LogAxis latency = new LogAxis("mean latency, µs (log scale)");
        latency.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Ticks at powers of ten, printed as plain numbers: "1,000" reads faster than "10^3".
        latency.setTickUnit(new NumberTickUnit(1.0));
        latency.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        CategoryAxis what = new CategoryAxis();
        what.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        what.setMaximumCategoryLabelWidthRatio(0.5f);
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setErrorIndicatorPaint(Color.BLACK);
        bars.setDrawBarOutline(false);
        // A log axis has no zero: bars start at 1 µs, below every measured latency.
        bars.setBase(1.0);
        CategoryPlot plot = new CategoryPlot(data, what, latency, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart("What each guarantee costs: put latency on " + fs,
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
