package io.normlab.diagnostics;

import java.util.Arrays;

/**
 * Median, minimum and maximum of a quantity over runs (seeds), NaN values left out; all NaN when
 * every value is NaN. The median of an even count is the mean of the middle two.
 */
public record Spread(double median, double min, double max, int count) {
    public static Spread of(double... values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = v.length;
        if (n == 0) return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1], n);
    }

    @Override
    public String toString() {
        return Text.num(median) + " [" + Text.num(min) + ", " + Text.num(max) + "]";
    }
}
