package io.normlab.nn.norm;

/**
 * Double-precision sums over a contiguous run of floats, with four independent accumulators so
 * the additions pipeline (C2 does not vectorize floating-point reductions; a single accumulator
 * would wait on every add). The summation order depends only on the run, never on threads.
 */
final class Accum {
    /** Items per parallel chunk for the normalization kernels. */
    static final int GRAIN = 1 << 14;

    private Accum() {}

    /** Chunk size in units of {@code unit} elements, aiming at {@link #GRAIN} elements per chunk. */
    static int grain(long unit) {
        return (int) Math.max(1, GRAIN / Math.max(1, unit));
    }

    /** sum of x[off .. off+len). */
    static double sum(float[] x, int off, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off, end = off + len;
        for (; i + 3 < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < end; i++) s0 += x[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** sum of (x - mean)^2 over x[off .. off+len), the second pass of a two-pass variance. */
    static double sumSqDev(float[] x, int off, int len, double mean) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off, end = off + len;
        for (; i + 3 < end; i += 4) {
            double d0 = x[i] - mean, d1 = x[i + 1] - mean, d2 = x[i + 2] - mean, d3 = x[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < end; i++) {
            double d = x[i] - mean;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Backward sums over one row: {@code out[0] += sum(dy)}, {@code out[1] += sum(dy * (x - mean))}.
     */
    static void dySums(float[] dy, float[] x, int off, int len, double mean, double[] out) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int i = off, end = off + len;
        for (; i + 3 < end; i += 4) {
            double g0 = dy[i], g1 = dy[i + 1], g2 = dy[i + 2], g3 = dy[i + 3];
            a0 += g0;
            a1 += g1;
            a2 += g2;
            a3 += g3;
            b0 += g0 * (x[i] - mean);
            b1 += g1 * (x[i + 1] - mean);
            b2 += g2 * (x[i + 2] - mean);
            b3 += g3 * (x[i + 3] - mean);
        }
        for (; i < end; i++) {
            a0 += dy[i];
            b0 += dy[i] * (x[i] - mean);
        }
        out[0] += (a0 + a1) + (a2 + a3);
        out[1] += (b0 + b1) + (b2 + b3);
    }
}
