package io.normlab.nn.norm;

import io.normlab.tensor.Parallel;

/**
 * The reference loops of the normalization core (simple, in double), on flat row-major arrays
 * viewed as {@code (N, C, S)} (see {@link NormLayout}): the fast {@link NormKernel} is tested
 * against them and falls back to them for the one combination it does not cover (per-element
 * affine with batch statistics). Forward: {@code y = xhat * gamma + beta} with
 * {@code xhat = (x - mean_g) * rstd_g}, {@code rstd_g = 1 / sqrt(var_g + eps)}. Backward, closed form,
 * for a group g of m elements with {@code dxhat = gamma * dy}:
 * <pre>
 *   statistics of x (training):  dx = rstd * (dxhat - sum_g(dxhat) / m - xhat * sum_g(dxhat * xhat) / m)
 *   without centering (RMSNorm): dx = rstd * (dxhat - xhat * sum_g(dxhat * xhat) / m)
 *   constant statistics (eval):  dx = rstd * dxhat
 *   dgamma = sum(dy * xhat), dbeta = sum(dy), over all elements sharing the parameter
 * </pre>
 * Two passes: per-row sums (parallel over rows), a small sequential combination per group and
 * per parameter, then dx elementwise (parallel over rows). The deviation {@code x - mean} is
 * formed as {@code (x - hi) - lo} with the mean split into two floats, so an offset of 1e4 costs
 * no precision. Every row is written by one thread and all combinations run in a fixed order:
 * bit-identical for any thread count.
 */
final class NormReference {
    private NormReference() {}

    /** Per-statistic float constants of the elementwise passes. */
    private static final class Consts {
        final float[] hi, lo, rstd;

        Consts(Stats st, float eps) {
            int k = st.size();
            hi = new float[k];
            lo = new float[k];
            rstd = new float[k];
            for (int g = 0; g < k; g++) {
                hi[g] = (float) st.mean(g);
                lo[g] = (float) (st.mean(g) - hi[g]);
                rstd[g] = (float) st.rstd(g, eps);
            }
        }
    }

    static void forward(float[] x, NormCore.Spec spec, Stats st, float[] gamma, float[] beta, float[] y) {
        NormLayout l = spec.layout();
        Consts k = new Consts(st, spec.eps());
        int c = l.c(), s = l.s();
        boolean perElement = spec.affine() == NormCore.AffineAxis.ELEMENT;
        Parallel.forRange(l.rows(), Accum.grain(s), (chunk, lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int g = l.statOfRow(r), ch = r % c, off = r * s;
                float mh = k.hi[g], ml = k.lo[g], rs = k.rstd[g];
                if (perElement) {
                    int pb = ch * s - off;
                    for (int i = off; i < off + s; i++) {
                        float v = ((x[i] - mh) - ml) * rs;
                        if (gamma != null) v *= gamma[pb + i];
                        if (beta != null) v += beta[pb + i];
                        y[i] = v;
                    }
                } else {
                    float a = gamma == null ? rs : rs * gamma[ch];
                    float b = beta == null ? 0f : beta[ch];
                    for (int i = off; i < off + s; i++) y[i] = ((x[i] - mh) - ml) * a + b;
                }
            }
        });
    }

    static NormKernel.Grads backward(float[] dy, float[] x, NormCore.Spec spec, Stats st, boolean statsOfX,
                          float[] gamma, boolean needDx, boolean needGamma, boolean needBeta) {
        NormLayout l = spec.layout();
        int rows = l.rows(), c = l.c(), s = l.s(), k = st.size();
        boolean perElement = spec.affine() == NormCore.AffineAxis.ELEMENT;
        int params = perElement ? c * s : c;
        // Row sums: a = sum(g_i dy), b = sum(g_i dy (x - mean)), g_i = gamma where it varies inside the row, else 1.
        double[] rowA = new double[rows], rowB = new double[rows];
        int grain = Accum.grain(s);
        double[][] partG = perElement ? new double[Parallel.chunks(rows, grain)][] : null;
        double[][] partB = perElement ? new double[partG.length][] : null;
        Parallel.forRange(rows, grain, (chunk, lo, hi) -> {
            double[] two = new double[2];
            double[] pg = perElement ? partG[chunk] = new double[params] : null;
            double[] pbeta = perElement ? partB[chunk] = new double[params] : null;
            for (int r = lo; r < hi; r++) {
                int g = l.statOfRow(r), off = r * s;
                double mu = st.mean(g);
                if (perElement) {
                    double rs = st.rstd(g, spec.eps()), a = 0, b = 0;
                    int pb = (r % c) * s - off;
                    for (int i = off; i < off + s; i++) {
                        double dev = x[i] - mu, w = gamma == null ? 1.0 : gamma[pb + i];
                        pg[pb + i] += dy[i] * dev * rs;
                        pbeta[pb + i] += dy[i];
                        a += w * dy[i];
                        b += w * dy[i] * dev;
                    }
                    rowA[r] = a;
                    rowB[r] = b;
                } else {
                    two[0] = 0;
                    two[1] = 0;
                    Accum.dySums(dy, x, off, s, mu, two);
                    rowA[r] = two[0];
                    rowB[r] = two[1];
                }
            }
        });
        // Combine in a fixed order: per-parameter sums and per-group sums P = sum(dxhat), Q = sum(dxhat * xhat).
        double[] dg = new double[params], db = new double[params], p = new double[k], q = new double[k];
        if (perElement) {
            for (int ch = 0; ch < partG.length; ch++) {
                for (int j = 0; j < params; j++) {
                    dg[j] += partG[ch][j];
                    db[j] += partB[ch][j];
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            int g = l.statOfRow(r), ch = r % c;
            double rs = st.rstd(g, spec.eps());
            double w = perElement || gamma == null ? 1.0 : gamma[ch];
            if (!perElement) {
                db[ch] += rowA[r];
                dg[ch] += rowB[r] * rs;
            }
            p[g] += w * rowA[r];
            q[g] += w * rowB[r] * rs;
        }
        float[] dx = needDx ? dx(dy, x, spec, st, statsOfX, gamma, p, q) : null;
        return new NormKernel.Grads(dx, needGamma ? toFloat(dg) : null, needBeta ? toFloat(db) : null);
    }

    private static float[] dx(float[] dy, float[] x, NormCore.Spec spec, Stats st, boolean statsOfX,
                              float[] gamma, double[] p, double[] q) {
        NormLayout l = spec.layout();
        Consts k = new Consts(st, spec.eps());
        int c = l.c(), s = l.s();
        double m = l.groupSize();
        boolean perElement = spec.affine() == NormCore.AffineAxis.ELEMENT;
        float[] dx = new float[dy.length];
        Parallel.forRange(l.rows(), Accum.grain(s), (chunk, lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int g = l.statOfRow(r), ch = r % c, off = r * s;
                float mh = k.hi[g], ml = k.lo[g], rs = k.rstd[g];
                double rsd = st.rstd(g, spec.eps());
                // d(mean)/dx and d(var)/dx terms vanish when the statistics are constants (eval, frozen).
                float k2 = statsOfX ? (float) (-rsd * rsd * q[g] / m) : 0f;
                float k3 = statsOfX && spec.centered() ? (float) (-rsd * p[g] / m) : 0f;
                if (perElement && gamma != null) {
                    int pb = ch * s - off;
                    for (int i = off; i < off + s; i++) dx[i] = rs * gamma[pb + i] * dy[i] + k2 * ((x[i] - mh) - ml) + k3;
                } else {
                    float k1 = gamma == null || perElement ? rs : rs * gamma[ch];
                    for (int i = off; i < off + s; i++) dx[i] = k1 * dy[i] + k2 * ((x[i] - mh) - ml) + k3;
                }
            }
        });
        return dx;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
