package io.normlab.study;

/**
 * One curve of a chart: the median over seeds at each x, and the band from the minimum to the
 * maximum over seeds ({@code lo}, {@code hi}; null when the curve has no spread, e.g. one run).
 *
 * @param name legend entry
 * @param x    abscissae, increasing
 * @param y    medians
 * @param lo   band lower edge (min over seeds), or null
 * @param hi   band upper edge (max over seeds), or null
 */
public record Series(String name, double[] x, double[] y, double[] lo, double[] hi) {
    public Series {
        if (x.length != y.length || (lo != null && lo.length != x.length) || (hi != null && hi.length != x.length)) {
            throw new IllegalArgumentException("Series '" + name + "': x, y, lo, hi lengths differ: " + x.length + ", " + y.length
                    + ", " + (lo == null ? "-" : lo.length) + ", " + (hi == null ? "-" : hi.length));
        }
        if ((lo == null) != (hi == null)) throw new IllegalArgumentException("Series '" + name + "': give both band edges or neither");
    }

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, null);
    }

    public boolean hasBand() {
        return lo != null;
    }
}
