package dev.crashlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart into inline SVG (JFreeSVG) so the page stays one
 * self-contained file. Java2D needs no display here, but it does need fonts; a machine without any
 * gets a report without charts rather than no report (see {@link HtmlReport}).
 */
final class Charts {

    static final Color HELD = new Color(0x2e7d32);
    static final Color VIOLATION = new Color(0xc62828);
    static final Color EXPECTED = new Color(0xef8f00);
    static final Color TARGET = new Color(0x1565c0);
    private static final int MAX_BARS = 30;
    private static final int WIDTH = 640;

    static {
        // The report never needs a display; without this, a CLI run from a desktop session would
        // initialise a toolkit (and a Dock icon on macOS) just to measure fonts.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** "title" or "title (first 30 of 120)". */
    private static String title(String title, int shown, int total) {
        return shown == total ? title : title + " (first " + shown + " of " + total + ")";
    }

    /** Crash states judged per target, summed over guarantees and models. */
    static String statesExplored(CampaignResult result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int n = 0;
        for (TargetResult t : result.targets()) {
            if (n == MAX_BARS) {
                break;
            }
            Bar bar = new Bar(n++, Printable.label(t.id(), 40));
            data.addValue(t.seededBug() ? 0 : t.statesExplored(), "target under test", bar);
            if (result.hasSeededBugs()) {
                data.addValue(t.seededBug() ? t.statesExplored() : 0, "seeded bug", bar);
            }
        }
        return svg(title("crash states judged per target", n, result.targets().size()), "states", data, n,
                TARGET, EXPECTED, "states");
    }

    /** Time to the first failing state, per broken cell; empty when nothing broke. */
    static Optional<String> timeToDetect(CampaignResult result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int n = 0;
        int total = 0;
        for (TargetResult t : result.targets()) {
            for (Cell c : t.cells()) {
                if (c.status() != Status.VIOLATED || c.timeToDetectMillis() == null || total++ >= MAX_BARS) {
                    continue;
                }
                boolean expected = t.isExpectedFinding(c);
                Bar bar = new Bar(n++, Printable.label(t.id(), 28) + " \u00b7 " + c.guarantee().name()
                        + " \u00b7 " + c.model().shortName());
                data.addValue(expected ? 0 : c.timeToDetectMillis(), "violation", bar);
                data.addValue(expected ? c.timeToDetectMillis() : 0, "expected finding", bar);
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(svg(title("time to detect", n, total), "milliseconds", data, n, VIOLATION, EXPECTED,
                "ttd"));
    }

    private static String svg(String title, String valueAxis, DefaultCategoryDataset data, int bars,
                              Color first, Color second, String idPrefix) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueAxis, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart, first, second);
        int height = 110 + 24 * Math.max(bars, 2);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        // Fixed prefixes keep the page deterministic and the two charts' clip ids apart.
        g.setDefsKeyPrefix(idPrefix + "-");
        chart.draw(g, new Rectangle(WIDTH, height));
        return g.getSVGElement(idPrefix + "-chart", false, new ViewBox(0, 0, WIDTH, height), null, null);
    }

    private static void style(JFreeChart chart, Color first, Color second) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, first);
        renderer.setSeriesPaint(1, second);
        // Each bar takes 65% of its category's band: a fixed cap of the whole axis drew the bars of a
        // two-target campaign as hairlines. The chart grows 24px per bar, so bars stay ~15px thick.
        axis.setCategoryMargin(0.35);
        renderer.setMaximumBarWidth(0.5);
    }

    /**
     * A category that is unique by position: two long keys cut to the same label must still be two
     * bars.
     */
    record Bar(int position, String text) implements Comparable<Bar> {

        @Override
        public int compareTo(Bar other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bar b && b.position == position;
        }

        @Override
        public int hashCode() {
            return position;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static List<String> all(CampaignResult result) {
        List<String> out = new ArrayList<>();
        if (!result.targets().isEmpty()) {
            out.add(statesExplored(result));
        }
        // Without seeded bugs beside them, the time to a user target's first failing state is only
        // how long its check ran, which the header already says.
        if (result.hasSeededBugs()) {
            timeToDetect(result).ifPresent(out::add);
        }
        return out;
    }
}
