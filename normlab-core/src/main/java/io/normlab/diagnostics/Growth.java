package io.normlab.diagnostics;

/**
 * The geometric-mean growth of a gradient norm along depth (or time).
 *
 * <p>Given norms g_1..g_L ordered from the input side (l = 1) to the output side (l = L), fit
 * {@code ln g_l = a + b l} by least squares; the gradient, flowing backward from l = L to l = 1,
 * is multiplied by {@code exp(-b)} per layer on average. So a factor below 1 means it shrinks
 * toward the input (vanishing), above 1 that it grows (exploding). A zero norm (a dead layer) is
 * taken as {@link Double#MIN_NORMAL}, so it counts as extreme shrinkage rather than being dropped;
 * non-finite norms make the factor NaN.
 */
public final class Growth {
    private Growth() {}

    /** exp(-slope) of ln(norm) against position; NaN with fewer than two norms or a non-finite one. */
    public static double backwardFactor(double[] norms) {
        int n = norms.length;
        if (n < 2) return Double.NaN;
        double meanX = (n - 1) / 2.0, meanY = 0;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(norms[i]) || norms[i] < 0) return Double.NaN;
            y[i] = Math.log(Math.max(norms[i], Double.MIN_NORMAL));
            meanY += y[i];
        }
        meanY /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (y[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return Math.exp(-sxy / sxx);
    }
}
