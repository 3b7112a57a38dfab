package io.normlab.report;

import io.normlab.study.Chart;
import io.normlab.study.HeatMap;
import io.normlab.study.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a study {@link Chart} with JFreeChart into an SVG element (JFreeSVG) to inline in the
 * HTML report: curves as lines with their min-max band shaded ({@link DeviationRenderer}), log
 * axes where the chart asks, heat maps as coloured blocks with a colour legend. Points that
 * cannot be drawn (NaN, or not positive on a log axis) are left out.
 */
public final class ChartSvg {
    public static final int WIDTH = 620, HEIGHT = 380;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private ChartSvg() {}

    /** The SVG element; {@code idPrefix} keeps clip-path ids unique among the charts of one page. */
    public static String render(Chart c, String idPrefix) {
        JFreeChart chart = c.kind() == Chart.Kind.HEATMAP ? heat(c) : lines(c);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(idPrefix);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(idPrefix + "svg");
    }

    private static JFreeChart lines(Chart c) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean logX = c.x().log(), logY = c.y().log();
        for (Series s : c.series()) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i], y = s.y()[i];
                double lo = s.hasBand() ? s.lo()[i] : y, hi = s.hasBand() ? s.hi()[i] : y;
                if (!drawable(x, logX) || !drawable(y, logY)) continue;
                if (!drawable(lo, logY)) lo = y;
                if (!drawable(hi, logY)) hi = y;
                ys.add(x, y, lo, hi);
            }
            data.addSeries(ys);
        }
        DeviationRenderer r = new DeviationRenderer(true, c.series().stream().anyMatch(s -> s.x().length <= 12));
        r.setAlpha(0.18f);
        for (int i = 0; i < c.series().size(); i++) {
            Color col = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, col);
            r.setSeriesFillPaint(i, col);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        ValueAxis x = axis(c.x());
        boolean integral = c.series().stream().allMatch(s -> java.util.Arrays.stream(s.x()).allMatch(v -> v == Math.rint(v)));
        if (integral && x instanceof NumberAxis n) n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, axis(c.y()), r);
        style(plot);
        return new JFreeChart(c.title(), TITLE, plot, c.series().size() > 1);
    }

    private static JFreeChart heat(Chart c) {
        HeatMap h = c.heat();
        int n = h.steps().length * h.layers().length;
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int l = 0; l < h.layers().length; l++) {
            for (int j = 0; j < h.steps().length; j++) {
                double z = h.values()[l][j];
                if (Double.isNaN(z)) continue;
                xs[k] = h.steps()[j];
                ys[k] = h.layers()[l];
                zs[k] = z;
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
                k++;
            }
        }
        if (k == 0) { lo = 0; hi = 1; }
        if (hi - lo < 1e-9) hi = lo + 1;
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", new double[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k), java.util.Arrays.copyOf(zs, k)});
        XYBlockRenderer r = new XYBlockRenderer();
        double dx = h.steps().length > 1 ? h.steps()[1] - h.steps()[0] : 1;
        r.setBlockWidth(dx);
        r.setBlockHeight(1);
        Viridis scale = new Viridis(lo, hi);
        r.setPaintScale(scale);
        NumberAxis x = new NumberAxis(c.x().label()), y = new NumberAxis(c.y().label());
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, r);
        style(plot);
        JFreeChart chart = new JFreeChart(c.title(), TITLE, plot, false);
        NumberAxis zAxis = new NumberAxis(h.zLabel());
        zAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, zAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(5, 5, 5, 5));
        legend.setStripWidth(12);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static ValueAxis axis(Chart.Axis a) {
        if (a.log()) {
            LogAxis l = new LogAxis(a.label());
            l.setSmallestValue(1e-300);
            l.setBase(10);
            l.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
            return l;
        }
        NumberAxis n = new NumberAxis(a.label());
        n.setAutoRangeIncludesZero(false);
        return n;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x999999));
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** A perceptually ordered dark-blue to yellow scale (viridis anchors), low values dark. */
    static final class Viridis implements PaintScale {
        private static final int[] ANCHORS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
        private final double lo, hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override public double getLowerBound() { return lo; }

        @Override public double getUpperBound() { return hi; }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
            double p = t * (ANCHORS.length - 1);
            int i = Math.min(ANCHORS.length - 2, (int) p);
            double f = p - i;
            Color a = new Color(ANCHORS[i]), b = new Color(ANCHORS[i + 1]);
            return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
