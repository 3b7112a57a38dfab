package io.normlab.nn.norm;

import io.normlab.tensor.Parallel;

/**
 * Means and variances of the groups of a {@link NormLayout}, in double precision.
 *
 * <p>{@link #compute} uses two passes over the data (the mean, then the mean squared deviation
 * from it), both accumulated in double, so an input offset by 1e4 with unit noise keeps its full
 * float precision (the one-pass {@code E[x^2] - E[x]^2} in float would lose it). The variance is
 * the <em>biased</em> one, dividing by the group size m; {@link #unbiasedVar} rescales by
 * {@code m / (m - 1)} for running estimates. Without centering (RMSNorm) the mean is zero and the
 * "variance" is the mean square {@code mean(x^2)}.
 *
 * <p>Each statistic is accumulated by one thread in a fixed order, so results are bit-identical
 * for any thread count.
 */
public final class Stats {
    private final double[] mean;
    private final double[] var;
    private final int count;

    private Stats(double[] mean, double[] var, int count) {
        this.mean = mean;
        this.var = var;
        this.count = count;
    }

    /** Statistics of {@code x} (laid out as {@code layout}); {@code centered = false} gives mean 0 and var = mean(x^2). */
    public static Stats compute(float[] x, NormLayout layout, boolean centered) {
        int k = layout.statCount();
        double[] mean = new double[k], var = new double[k];
        if (layout.poolBatch()) perChannel(x, layout, centered, mean, var);
        else perSample(x, layout, centered, mean, var);
        return new Stats(mean, var, layout.groupSize());
    }

    /** Given statistics (e.g. running estimates); {@code var} is used as is. */
    public static Stats fixed(float[] mean, float[] var) {
        if (mean.length != var.length) throw new IllegalArgumentException("Stats.fixed: mean has " + mean.length + " values, var " + var.length);
        double[] m = new double[mean.length], v = new double[var.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean[i];
            v[i] = var[i];
        }
        return new Stats(m, v, 0);
    }

    private static void perSample(float[] x, NormLayout l, boolean centered, double[] mean, double[] var) {
        int len = l.channelsPerGroup() * l.s();
        Parallel.forRange(l.statCount(), Accum.grain(len), (chunk, lo, hi) -> {
            for (int g = lo; g < hi; g++) {
                int off = g * len;
                double mu = centered ? Accum.sum(x, off, len) / len : 0.0;
                mean[g] = mu;
                var[g] = Accum.sumSqDev(x, off, len, mu) / len;
            }
        });
    }

    private static void perChannel(float[] x, NormLayout l, boolean centered, double[] mean, double[] var) {
        int n = l.n(), c = l.c(), s = l.s();
        double m = l.groupSize();
        Parallel.forRange(c, Accum.grain((long) n * s), (chunk, lo, hi) -> {
            // Batch outer, channels inner: contiguous memory for any S, including S = 1 (BatchNorm1d).
            if (centered) {
                for (int i = 0; i < n; i++) {
                    for (int ch = lo; ch < hi; ch++) mean[ch] += Accum.sum(x, (i * c + ch) * s, s);
                }
                for (int ch = lo; ch < hi; ch++) mean[ch] /= m;
            }
            for (int i = 0; i < n; i++) {
                for (int ch = lo; ch < hi; ch++) var[ch] += Accum.sumSqDev(x, (i * c + ch) * s, s, mean[ch]);
            }
            for (int ch = lo; ch < hi; ch++) var[ch] /= m;
        });
    }

    /** Number of statistics. */
    public int size() {
        return mean.length;
    }

    /** Elements per group (0 for fixed statistics). */
    public int count() {
        return count;
    }

    public double mean(int g) {
        return mean[g];
    }

    /** Biased variance (or mean square when not centered). */
    public double var(int g) {
        return var[g];
    }

    /** {@code 1 / sqrt(var + eps)}. */
    public double rstd(int g, double eps) {
        return 1.0 / Math.sqrt(var[g] + eps);
    }

    /** The variances times {@code m / (m - 1)} (Bessel's correction); m must exceed 1. */
    public double[] unbiasedVar() {
        if (count < 2) throw new IllegalStateException("unbiased variance needs more than one value per group, got " + count);
        double[] u = new double[var.length];
        for (int i = 0; i < u.length; i++) u[i] = var[i] * count / (count - 1);
        return u;
    }

    /** A copy of the means. */
    public double[] means() {
        return mean.clone();
    }

    /** A copy of the (biased) variances. */
    public double[] vars() {
        return var.clone();
    }
}
