package dev.crashlab.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
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
final class CostChart {

    private static final int WIDTH = 1000;

    private CostChart() {
    }

    /** Writes {@code <stem>.svg} and {@code <stem>.png}; returns the SVG's path. */
    public static Path write(List<CostTable> tables, String fs, Path dir, String stem) throws IOException {
        return write(tables, fs, dir, stem, "What each guarantee costs: put latency on " + fs,
                r -> !r.section().equals("floor") || r.label().equals("bare syscalls (FILE_AND_DIRECTORY)"));
    }

    /** As {@link #write(List, String, Path, String)}, titled {@code title}, with the rows {@code shown} lets through. */
    static Path write(List<CostTable> tables, String fs, Path dir, String stem, String title,
                      java.util.function.Predicate<CostRow> shown) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Map<String, ChartCategory> kinds = new HashMap<>();
        int categories = 0;
        for (CostTable t : tables) {
            if (!t.fs().equals(fs)) {
                continue;
            }
            for (CostRow r : t.rows()) {
                if (!shown.test(r)) {
                    continue;
                }
                String label = r.holds().isEmpty() || r.section().equals("peer")
                        ? r.label() : r.label() + " [" + r.holds() + "]";
                if (data.getColumnIndex(label) < 0) {
                    categories++;
                }
                kinds.put(label, ChartCategory.of(r));
                data.add(r.mean().value(), r.mean().halfWidth(), Sizes.describe(t.size()), label);
            }
        }
        JFreeChart chart = chart(title, data, kinds);
        int height = 140 + categories * 22 * Math.max(1, data.getRowCount());
        Path svg = dir.resolve(stem + ".svg");
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        chart.draw(g, new Rectangle(WIDTH, height));
        Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
        ChartUtils.saveChartAsPNG(dir.resolve(stem + ".png").toFile(), chart, WIDTH, height);
        return svg;
    }

    private static JFreeChart chart(String title, DefaultStatisticalCategoryDataset data, Map<String, ChartCategory> kinds) {
        LogAxis latency = new LogAxis("mean latency, µs (log scale)");
        latency.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Ticks at powers of ten, printed as plain numbers: "1,000" reads faster than "10^3".
        latency.setTickUnit(new NumberTickUnit(1.0));
        latency.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        latency.setRange(range(data));
        CategoryAxis what = new CategoryAxis();
        what.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        what.setMaximumCategoryLabelWidthRatio(0.5f);
        // Coloured by what the bar is (ChartCategory), shaded by value size: colouring by size alone
        // drew a seeded bug, a safe option, a floor and SQLite alike.
        StatisticalBarRenderer bars = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                ChartCategory kind = kinds.getOrDefault((String) data.getColumnKey(column), ChartCategory.OPTION);
                return kind.shade(row, data.getRowCount());
            }
        };
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
        LegendItemCollection legend = new LegendItemCollection();
        for (ChartCategory kind : ChartCategory.values()) {
            if (kinds.containsValue(kind)) {
                legend.add(new LegendItem(kind.legend, kind.colour));
            }
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title,
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        if (data.getRowCount() > 1) {
            chart.addSubtitle(new TextTitle("bars of one label, top to bottom: " + String.join(", ",
                    data.getRowKeys().stream().map(String::valueOf).toList()) + " (lighter: smaller)",
                    new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Whole powers of ten around every bar and whisker. Left to itself the log axis reached for
     * zero whenever an error bar was longer than its bar (a short run), and squeezed every bar
     * against the right edge under a smear of tick labels.
     */
    static Range range(DefaultStatisticalCategoryDataset data) {
        double low = Double.MAX_VALUE;
        double high = 1.0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number mean = data.getMeanValue(r, c);
                if (mean == null || mean.doubleValue() <= 0) {
                    continue;
                }
                Number error = data.getStdDevValue(r, c);
                double e = error == null || Double.isNaN(error.doubleValue()) ? 0 : error.doubleValue();
                double m = mean.doubleValue();
                low = Math.min(low, Math.max(m - e, m / 10));
                high = Math.max(high, m + e);
            }
        }
        if (low == Double.MAX_VALUE) {
            return new Range(1, 10);
        }
        return new Range(Math.pow(10, Math.floor(Math.log10(Math.min(low, 1.0)))), Math.pow(10, Math.ceil(Math.log10(high))));
    }
}
