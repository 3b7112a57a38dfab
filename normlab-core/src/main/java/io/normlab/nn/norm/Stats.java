package io.normlab.nn.norm;

import io.normlab.tensor.NormLoops;
import io.normlab.tensor.Parallel;

/**
 * Means and variances of the groups of a {@link NormLayout}, in double precision.
 *
 * <p>{@link #compute} uses one pass of sums about a shift near the mean, or, when that would
 * cancel, two passes: the mean (of the deviations from the group's first element, which keeps the
 * float partial sums small), then the mean squared deviation from it, each through
 * {@link NormLoops} (float partial sums over blocks of at most a few thousand
 * deviations, added in double), so an input offset by 1e4 with unit noise keeps its full float
 * precision (the one-pass {@code E[x^2] - E[x]^2} in float would lose it). The variance is the
 * <em>biased</em> one, dividing by the group size m; {@link #unbiasedVar} rescales by
 * {@code m / (m - 1)} for running estimates. Without centering (RMSNorm) the mean is zero and the
 * "variance" is the mean square {@code mean(x^2)}.
 *
 * <p>Each statistic is accumulated by one thread in a fixed order, so results are bit-identical
 * for any thread count.
 */
public final class Stats {
    /** Rows of a column pass summed in float before the partial sums are added in double. */
    private static final int FLUSH_ROWS = 64;

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
        NormLoops loops = NormLoops.current();
        if (byColumns(layout)) {
            Parallel.forRange(layout.c(), columnGrain(layout), (chunk, lo, hi) -> columns(loops, x, layout, centered, lo, hi, mean, var));
        } else {
            Parallel.forRange(k, Accum.grain(runElements(layout)), (chunk, lo, hi) -> {
                double[] sums = new double[2];
                for (int g = lo; g < hi; g++) moments(loops, x, layout, centered, g, mean, var, sums);
            });
        }
        return new Stats(mean, var, layout.groupSize());
    }

    /** Statistics computed elsewhere (the fused kernels). */
    static Stats of(double[] mean, double[] var, int count) {
        return new Stats(mean, var, count);
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

    /** True when the layout is computed column-wise: batch statistics of (N, C) rows (BatchNorm1d). */
    static boolean byColumns(NormLayout l) {
        return l.poolBatch() && l.s() == 1 && l.groups() == l.c();
    }

    /** Channels per parallel chunk of the column-wise passes. */
    static int columnGrain(NormLayout l) {
        return (int) Math.min(l.c(), Math.max(16, (Accum.grain(l.n()) + 15) / 16 * 16));
    }

    /** Elements behind one statistic. */
    static int runElements(NormLayout l) {
        return (l.poolBatch() ? l.n() : 1) * l.channelsPerGroup() * l.s();
    }

    /**
     * Mean and biased variance of statistic g from its runs of {@code C/G * S} contiguous elements:
     * one per sample (batch layouts, {@code C * S} apart) or just one. One pass of sums about a
     * shift (the mean of the group's first 16 elements): {@code var = mean(e^2) - mean(e)^2},
     * {@code e = x - shift}, as accurate as two passes while {@code mean(e)^2 <= var} (at most twice
     * the float error of the sums of e^2); otherwise (e.g. constant data) {@link #twoPass}.
     * {@code sums} is two doubles of the caller's scratch (one array per chunk, not per statistic).
     */
    static void moments(NormLoops loops, float[] x, NormLayout l, boolean centered, int g, double[] mean, double[] var, double[] sums) {
        if (!centered) {
            twoPass(loops, x, l, false, g, mean, var);
            return;
        }
        int len = l.channelsPerGroup() * l.s(), runs = l.poolBatch() ? l.n() : 1, first = g * len, step = l.c() * l.s();
        double head = 0;
        for (int i = 0; i < Math.min(16, len); i++) head += x[first + i];
        float shift = (float) (head / Math.min(16, len));
        sums[0] = 0;
        sums[1] = 0;
        for (int i = 0; i < runs; i++) loops.shiftedSums(x, first + i * step, len, shift, sums);
        double n = (double) runs * len, m1 = sums[0] / n, v = sums[1] / n - m1 * m1;
        if (!(m1 * m1 <= v)) {
            twoPass(loops, x, l, true, g, mean, var);
            return;
        }
        mean[g] = shift + m1;
        var[g] = v;
    }

    /** {@link #moments} in two passes: the mean (of deviations from the first element), then the mean squared deviation from it. */
    static void twoPass(NormLoops loops, float[] x, NormLayout l, boolean centered, int g, double[] mean, double[] var) {
        int len = l.channelsPerGroup() * l.s(), runs = l.poolBatch() ? l.n() : 1, first = g * len, step = l.c() * l.s();
        double mu = 0;
        if (centered) {
            float shift = x[first];
            double sum = 0;
            for (int i = 0; i < runs; i++) sum += loops.sumDev(x, first + i * step, len, shift, 0f);
            mu = shift + sum / ((double) runs * len);
        }
        float hi = (float) mu, lo = (float) (mu - hi);
        double sq = 0;
        for (int i = 0; i < runs; i++) sq += loops.sumSqDev(x, first + i * step, len, hi, lo);
        mean[g] = mu;
        var[g] = sq / ((double) runs * len);
    }

    /** Column-wise statistics of channels [c0, c1) of (N, C) rows. */
    static void columns(NormLoops loops, float[] x, NormLayout l, boolean centered, int c0, int c1, double[] mean, double[] var) {
        int n = l.n(), c = l.c(), w = c1 - c0;
        float[] hi = new float[c], lo = new float[c], acc = new float[c];
        if (centered) {
            System.arraycopy(x, c0, hi, c0, w);
            columnPass(loops, x, n, c, c0, c1, hi, lo, acc, false, mean);
            for (int ch = c0; ch < c1; ch++) {
                mean[ch] = hi[ch] + mean[ch] / n;
                hi[ch] = (float) mean[ch];
                lo[ch] = (float) (mean[ch] - hi[ch]);
            }
        }
        columnPass(loops, x, n, c, c0, c1, hi, lo, acc, true, var);
        for (int ch = c0; ch < c1; ch++) var[ch] /= n;
    }

    private static void columnPass(NormLoops loops, float[] x, int n, int c, int c0, int c1, float[] hi, float[] lo, float[] acc,
                                   boolean square, double[] out) {
        for (int i = 0; i < n; i++) {
            loops.colAccumulate(x, i * c + c0, c1 - c0, hi, lo, c0, acc, square);
            if ((i + 1) % FLUSH_ROWS == 0 || i == n - 1) {
                for (int ch = c0; ch < c1; ch++) {
                    out[ch] += acc[ch];
                    acc[ch] = 0f;
                }
            }
        }
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
