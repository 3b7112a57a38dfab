package io.normlab.diagnostics;

import io.normlab.tensor.Parallel;
import io.normlab.tensor.Tensor;

/**
 * The monitor's one-pass kernels. Each reads a tensor once, accumulates in double and never
 * copies it. Work is cut by {@link Parallel#forRange} over leading-dimension rows and per-chunk
 * partials are combined in chunk order, so results are bit-identical with 1 or N threads.
 */
final class TensorScan {
    /** About this many elements per parallel chunk. */
    private static final int CHUNK_ELEMENTS = 1 << 15;
    /** Sigmoid outputs below this or above 1 minus this are saturated (within 1% of a bound). */
    static final float SIGMOID_MARGIN = 0.01f;
    /** Tanh outputs with |y| above this are saturated (within 1% of a bound). */
    static final float TANH_LIMIT = 0.99f;

    private TensorScan() {}

    /**
     * Count, mean, sum of squared deviations (M2), saturated count and non-finite count of a set of
     * values; combinable with {@link #merge} (Chan et al.'s pairwise update, stable in double).
     */
    record Moments(long count, double mean, double m2, long saturated, long nonFinite) {
        static final Moments EMPTY = new Moments(0, 0, 0, 0, 0);

        Moments merge(Moments o) {
            if (o.count == 0) return new Moments(count, mean, m2, saturated + o.saturated, nonFinite + o.nonFinite);
            if (count == 0) return new Moments(o.count, o.mean, o.m2, saturated + o.saturated, nonFinite + o.nonFinite);
            long n = count + o.count;
            double delta = o.mean - mean;
            return new Moments(n, mean + delta * o.count / n, m2 + o.m2 + delta * delta * ((double) count * o.count / n),
                    saturated + o.saturated, nonFinite + o.nonFinite);
        }
    }

    /**
     * Moments of activation {@code y}. Saturation is counted for SIGMOID and TANH kinds. When
     * {@code alive} is not null, {@code alive[u]} is set for every unit u with some y &gt; 0, units
     * being the indices of dimension 1 (features of (N, D), channels of (N, C, ...)), or the
     * elements of a rank-1 tensor; {@code alive.length} must be that unit count.
     */
    static Moments activation(Tensor y, LayerKind kind, boolean[] alive) {
        float[] d = y.data();
        int[] s = y.shape();
        int rows = s.length >= 2 ? s[0] : 1;
        int units = s.length >= 2 ? s[1] : y.numel();
        int inner = rows == 0 || units == 0 ? 0 : y.numel() / rows / units;
        int rowLen = units * inner;
        int grain = Math.max(1, CHUNK_ELEMENTS / Math.max(1, rowLen));
        int chunks = Parallel.chunks(rows, grain);
        Moments[] part = new Moments[chunks];
        boolean[][] alivePart = alive == null ? null : new boolean[chunks][];
        int mode = kind == LayerKind.SIGMOID ? 1 : kind == LayerKind.TANH ? 2 : 0;
        Parallel.forRange(rows, grain, (c, lo, hi) -> {
            int from = lo * rowLen, to = hi * rowLen;
            long n = to - from;
            double shift = n > 0 ? d[from] : 0;
            double[] sums = shiftedSums(d, from, to, shift);
            long sat = mode == 0 ? 0 : countSaturated(d, from, to, mode);
            // A NaN or infinity anywhere makes the sum of squares non-finite; only then count them.
            long bad = Double.isFinite(sums[1]) ? 0 : countNonFinite(d, from, to);
            if (alive != null) {
                boolean[] al = new boolean[units];
                for (int r = lo; r < hi; r++) {
                    for (int u = 0, base = r * rowLen; u < units; u++, base += inner) {
                        if (al[u]) continue;
                        for (int k = 0; k < inner; k++) if (d[base + k] > 0f) { al[u] = true; break; }
                    }
                }
                alivePart[c] = al;
            }
            part[c] = n == 0 ? new Moments(0, 0, 0, sat, bad)
                    : new Moments(n, shift + sums[0] / n, Math.max(0, sums[1] - sums[0] * sums[0] / n), sat, bad);
        });
        Moments m = Moments.EMPTY;
        for (int c = 0; c < chunks; c++) {
            m = m.merge(part[c]);
            if (alive != null) for (int u = 0; u < units; u++) alive[u] |= alivePart[c][u];
        }
        return m;
    }

    /** Number of units {@link #activation} uses for the dead-unit count of a tensor of this shape. */
    static int units(int[] shape) {
        if (shape.length >= 2) return shape[1];
        int n = 1;
        for (int v : shape) n *= v;
        return n;
    }

    /** Sum of squares (in double) and non-finite count of a tensor's values. */
    record SumSq(double sumSq, long nonFinite) {}

    /** Sum of squares of {@code t}'s values and how many are NaN or infinite. */
    static SumSq sumSquares(Tensor t) {
        float[] d = t.data();
        int n = t.numel();
        int chunks = Parallel.chunks(n, CHUNK_ELEMENTS);
        double[] sq = new double[chunks];
        long[] bad = new long[chunks];
        Parallel.forRange(n, CHUNK_ELEMENTS, (c, lo, hi) -> {
            sq[c] = shiftedSums(d, lo, hi, 0)[1];
            bad[c] = Double.isFinite(sq[c]) ? 0 : countNonFinite(d, lo, hi);
        });
        double total = 0;
        long nonFinite = 0;
        for (int c = 0; c < chunks; c++) {
            total += sq[c];
            nonFinite += bad[c];
        }
        return new SumSq(total, nonFinite);
    }

    /**
     * {sum (x - shift), sum (x - shift)^2} over d[from, to) in double, with four independent
     * accumulators each (the loop is bound by add latency otherwise); the order of additions is
     * fixed, so the result does not depend on threads. Finite floats cannot overflow the double sum.
     */
    private static double[] shiftedSums(float[] d, int from, int to, double shift) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double v0 = d[i] - shift, v1 = d[i + 1] - shift, v2 = d[i + 2] - shift, v3 = d[i + 3] - shift;
            a0 += v0; a1 += v1; a2 += v2; a3 += v3;
            q0 += v0 * v0; q1 += v1 * v1; q2 += v2 * v2; q3 += v3 * v3;
        }
        for (; i < to; i++) {
            double v = d[i] - shift;
            a0 += v;
            q0 += v * v;
        }
        return new double[] {(a0 + a1) + (a2 + a3), (q0 + q1) + (q2 + q3)};
    }

    /** Outputs within 1% of a bound: mode 1 sigmoid (y &lt; 0.01 or y &gt; 0.99), mode 2 tanh (|y| &gt; 0.99). */
    private static long countSaturated(float[] d, int from, int to, int mode) {
        long sat = 0;
        if (mode == 1) {
            for (int i = from; i < to; i++) sat += (d[i] < SIGMOID_MARGIN) | (d[i] > 1f - SIGMOID_MARGIN) ? 1 : 0;
        } else {
            for (int i = from; i < to; i++) sat += Math.abs(d[i]) > TANH_LIMIT ? 1 : 0;
        }
        return sat;
    }

    private static long countNonFinite(float[] d, int from, int to) {
        long bad = 0;
        for (int i = from; i < to; i++) if (!Float.isFinite(d[i])) bad++;
        return bad;
    }

    /** Sum of squared differences {@code sum (a_i - b_i)^2} in double; a and b of equal length. */
    static double sumSquaredDiff(float[] a, float[] b, int n) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double dv = (double) a[i] - b[i];
            acc += dv * dv;
        }
        return acc;
    }
}
