package io.normlab.study;

import java.util.List;

/**
 * A chart a study asks the report to draw: curves with spread bands ({@link Kind#LINES}) or a
 * heat map ({@link Kind#HEATMAP}). The data is the chart: the report renders it and also writes
 * it as CSV and JSON.
 *
 * @param id      file-name-safe key, unique within the study
 * @param kind    LINES or HEATMAP
 * @param title   title above the chart
 * @param caption one sentence under it: what to look at
 * @param x       horizontal axis
 * @param y       vertical axis
 * @param series  the curves (LINES)
 * @param heat    the grid (HEATMAP), else null
 */
public record Chart(String id, Kind kind, String title, String caption, Axis x, Axis y, List<Series> series, HeatMap heat) {
    public enum Kind { LINES, HEATMAP }

    /** An axis label and whether the axis is logarithmic. */
    public record Axis(String label, boolean log) {
        public static Axis linear(String label) {
            return new Axis(label, false);
        }

        public static Axis log(String label) {
            return new Axis(label, true);
        }
    }

    public Chart {
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) throw new IllegalArgumentException("Chart id '" + id + "' must be lower-case letters, digits, '_' or '-'");
        series = series == null ? List.of() : List.copyOf(series);
        if (kind == Kind.HEATMAP && heat == null) throw new IllegalArgumentException("Chart '" + id + "': a heat map needs its grid");
    }

    public static Chart lines(String id, String title, String caption, Axis x, Axis y, List<Series> series) {
        return new Chart(id, Kind.LINES, title, caption, x, y, series, null);
    }

    public static Chart heat(String id, String title, String caption, Axis x, Axis y, HeatMap grid) {
        return new Chart(id, Kind.HEATMAP, title, caption, x, y, List.of(), grid);
    }
}
