package io.normlab.nn.norm;

import io.normlab.tensor.NormLoops;
import io.normlab.tensor.Parallel;

/**
 * The fused closed-form backward of the normalization core. For a group g of m elements with
 * {@code dxhat = gamma * dy}:
 * <pre>
 *   statistics of x (training):  dx = rstd * (dxhat - sum_g(dxhat) / m - xhat * sum_g(dxhat * xhat) / m)
 *   without centering (RMSNorm): dx = rstd * (dxhat - xhat * sum_g(dxhat * xhat) / m)
 *   constant statistics (eval):  dx = rstd * dxhat
 *   dgamma = sum(dy * xhat), dbeta = sum(dy), over all elements sharing the parameter
 * </pre>
 * written {@code dx = k1 dy + k2 (x - mean) + k3} with {@code k2 = -rstd^3 sum(dxhat (x - mean)) / m}
 * and {@code k3 = -rstd sum(dxhat) / m}. Per chunk of statistics, on one thread: the sums over its
 * rows, then dx while the rows are in cache (a large dx is allocated meanwhile, {@link Overlap}).
 * Parameter gradients combine per-row (or per-chunk) sums in a fixed order: bit-identical for any thread count.
 */
final class NormBackward {
    /** Rows of a column pass summed in float before the partial sums are added in double. */
    private static final int FLUSH_ROWS = 64;

    private NormBackward() {}

    /** Runs of rows: GroupNorm, InstanceNorm, LayerNorm, RMSNorm, BatchNorm over (N, C, S > 1). */
    static NormKernel.Grads runs(float[] dy, float[] x, NormCore.Spec spec, Stats st, boolean statsOfX,
                                 float[] gamma, boolean needDx, boolean needGamma, boolean needBeta) {
        NormLayout l = spec.layout();
        NormLoops loops = NormLoops.current();
        int c = l.c(), s = l.s(), cpg = l.channelsPerGroup(), runs = l.poolBatch() ? l.n() : 1;
        boolean element = spec.affine() == NormCore.AffineAxis.ELEMENT;
        int params = element ? c * s : c;
        float[] g1 = element ? NormKernel.orFill(gamma, params, 1f) : gamma;
        double m = l.groupSize();
        double[] rowA = element ? null : new double[l.rows()], rowB = element ? null : new double[l.rows()];
        int grain = Accum.grain(Stats.runElements(l)), k = st.size(), chunks = Parallel.chunks(k, grain);
        float[][] partG = element ? new float[chunks][] : null, partB = element ? new float[chunks][] : null;
        float[] mh = new float[k], ml = new float[k], rs = new float[k], k2 = new float[k], k3 = new float[k];
        Overlap.Output group = (g, out) -> {
            for (int i = 0; i < runs; i++) {
                for (int t = 0; t < cpg; t++) {
                    int row = i * c + g * cpg + t, ch = row % c;
                    if (element) loops.gradElement(dy, x, row * s, s, mh[g], ml[g], rs[g], g1, ch * s, k2[g], k3[g], out);
                    else loops.grad(dy, x, row * s, s, mh[g], ml[g], gamma == null ? rs[g] : rs[g] * gamma[ch], k2[g], k3[g], out);
                }
            }
        };
        float[] dx = Overlap.run(chunks, needDx ? dy.length : -1, null, (chunk, out) -> {
            double[] pq = new double[2];
            float[] pg = element ? partG[chunk] = new float[params] : null;
            float[] pb = element ? partB[chunk] = new float[params] : null;
            for (int g = chunk * grain, end = Math.min(k, g + grain); g < end; g++) {
                double mu = st.mean(g), rsd = st.rstd(g, spec.eps());
                mh[g] = (float) mu;
                ml[g] = (float) (mu - mh[g]);
                rs[g] = (float) rsd;
                groupSums(loops, dy, x, l, element, gamma, g1, g, mh[g], ml[g], rs[g], rsd, pg, pb, rowA, rowB, pq);
                // d(mean)/dx and d(var)/dx terms vanish when the statistics are constants (eval, frozen).
                k2[g] = statsOfX ? (float) (-rsd * rsd * pq[1] / m) : 0f;
                k3[g] = statsOfX && spec.centered() ? (float) (-rsd * pq[0] / m) : 0f;
                if (out != null) group.write(g, out);
            }
        }, (chunk, out) -> {
            for (int g = chunk * grain, end = Math.min(k, g + grain); g < end; g++) group.write(g, out);
        });
        return paramGrads(l, st, spec.eps(), element, params, partG, partB, rowA, rowB, needGamma, needBeta, dx);
    }

    /**
     * The sums over the rows of statistic g: {@code pq[0] = sum(gamma dy)},
     * {@code pq[1] = rstd * sum(gamma dy (x - mean))}; per-row sums into rowA/rowB (channel affine)
     * or per-element parameter partials into pg/pb (element affine).
     */
    static void groupSums(NormLoops loops, float[] dy, float[] x, NormLayout l, boolean element, float[] gamma, float[] g1, int g,
                          float mh, float ml, float rs, double rsd, float[] pg, float[] pb, double[] rowA, double[] rowB, double[] pq) {
        int c = l.c(), s = l.s(), cpg = l.channelsPerGroup(), runs = l.poolBatch() ? l.n() : 1;
        double p = 0, q = 0;
        for (int i = 0; i < runs; i++) {
            for (int t = 0; t < cpg; t++) {
                int row = i * c + g * cpg + t, ch = row % c;
                pq[0] = 0;
                pq[1] = 0;
                if (element) {
                    loops.dySumsElement(dy, x, row * s, s, mh, ml, rs, g1, ch * s, pg, pb, pq);
                    p += pq[0];
                    q += pq[1] * rsd;
                } else {
                    loops.dySums(dy, x, row * s, s, mh, ml, pq);
                    rowA[row] = pq[0];
                    rowB[row] = pq[1];
                    double w = gamma == null ? 1.0 : gamma[ch];
                    p += w * pq[0];
                    q += w * pq[1] * rsd;
                }
            }
        }
        pq[0] = p;
        pq[1] = q;
    }

    /** dgamma and dbeta from the per-chunk partials (element affine) or the per-row sums, in a fixed order. */
    static NormKernel.Grads paramGrads(NormLayout l, Stats st, float eps, boolean element, int params, float[][] partG, float[][] partB,
                                       double[] rowA, double[] rowB, boolean needGamma, boolean needBeta, float[] dx) {
        int c = l.c();
        double[] dg = new double[params], db = new double[params];
        if (element) {
            for (int ch = 0; ch < partG.length; ch++) {
                for (int j = 0; j < params; j++) {
                    dg[j] += partG[ch][j];
                    db[j] += partB[ch][j];
                }
            }
        } else {
            for (int r = 0; r < l.rows(); r++) {
                int ch = r % c;
                db[ch] += rowA[r];
                dg[ch] += rowB[r] * st.rstd(l.statOfRow(r), eps);
            }
        }
        return new NormKernel.Grads(dx, needGamma ? toFloat(dg) : null, needBeta ? toFloat(db) : null);
    }

    /** BatchNorm over (N, C) rows, vectorized across channels. */
    static NormKernel.Grads columns(float[] dy, float[] x, NormCore.Spec spec, Stats st, boolean statsOfX,
                                    float[] gamma, boolean needDx, boolean needGamma, boolean needBeta) {
        NormLayout l = spec.layout();
        NormLoops loops = NormLoops.current();
        int n = l.n(), c = l.c();
        double[] sumA = new double[c], sumB = new double[c], rstd = new double[c];
        float[] dx = needDx ? new float[dy.length] : null;
        Parallel.forRange(c, Stats.columnGrain(l), (chunk, c0, c1) -> {
            NormKernel.ColumnParams cp = new NormKernel.ColumnParams(c, st, spec.eps(), c0, c1, gamma);
            float[] accA = new float[c], accB = new float[c];
            for (int i = 0; i < n; i++) {
                loops.colDySums(dy, x, i * c + c0, c1 - c0, cp.hi, cp.lo, c0, accA, accB);
                if ((i + 1) % FLUSH_ROWS == 0 || i == n - 1) {
                    for (int ch = c0; ch < c1; ch++) {
                        sumA[ch] += accA[ch];
                        sumB[ch] += accB[ch];
                        accA[ch] = 0f;
                        accB[ch] = 0f;
                    }
                }
            }
            for (int ch = c0; ch < c1; ch++) rstd[ch] = st.rstd(ch, spec.eps());
            if (!needDx) return;
            float[] k2 = new float[c], k3 = new float[c];
            for (int ch = c0; ch < c1; ch++) {
                double w = gamma == null ? 1.0 : gamma[ch], rsd = rstd[ch];
                k2[ch] = statsOfX ? (float) (-rsd * rsd * w * sumB[ch] * rsd / n) : 0f;
                k3[ch] = statsOfX && spec.centered() ? (float) (-rsd * w * sumA[ch] / n) : 0f;
            }
            for (int i = 0; i < n; i++) loops.colGrad(dy, x, i * c + c0, c1 - c0, cp.hi, cp.lo, cp.scale, k2, k3, c0, dx);
        });
        float[] dg = needGamma ? new float[c] : null, db = needBeta ? new float[c] : null;
        for (int ch = 0; ch < c; ch++) {
            if (dg != null) dg[ch] = (float) (sumB[ch] * rstd[ch]);
            if (db != null) db[ch] = (float) sumA[ch];
        }
        return new NormKernel.Grads(dx, dg, db);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
