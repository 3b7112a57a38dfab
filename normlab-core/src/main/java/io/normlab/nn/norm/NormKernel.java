package io.normlab.nn.norm;

import io.normlab.tensor.NormLoops;
import io.normlab.tensor.Parallel;

/**
 * The fused normalization kernels, on flat row-major arrays viewed as {@code (N, C, S)} (see
 * {@link NormLayout}). Forward: {@code y = xhat * gamma + beta} with
 * {@code xhat = (x - mean_g) * rstd_g}, {@code rstd_g = 1 / sqrt(var_g + eps)}; the backward is in
 * {@link NormBackward}.
 *
 * <p>Statistics are cut into parallel chunks of about {@code Accum.GRAIN} elements (at least one
 * statistic), so a small tensor stays on one thread. Each chunk is processed whole by one thread:
 * its statistics ({@link Stats}) and its normalization follow each other while its elements are in
 * cache (a BatchNorm2d channel of 64 x 32 x 32 floats fits in L2), so x is usually read from
 * memory once; a large y is allocated while the first chunks compute statistics ({@link Overlap}).
 * BatchNorm over (N, C) rows runs column-wise, vectorized across channels. The per-element affine
 * with batch statistics (no layer uses it) falls back to {@link NormReference}. Every statistic and
 * output is computed the same way whatever the thread count: bit-identical results.
 */
final class NormKernel {
    private NormKernel() {}

    /** Gradients; entries not requested are null. */
    record Grads(float[] dx, float[] dgamma, float[] dbeta) {}

    /** True when the fused kernels cover {@code spec} (everything but per-element affine with batch statistics). */
    static boolean fused(NormCore.Spec spec) {
        return spec.affine() == NormCore.AffineAxis.CHANNEL || !spec.layout().poolBatch();
    }

    /** The output and the statistics it used. */
    record Output(float[] y, Stats stats) {}

    /**
     * Normalizes x into y (a new array when y is null, allocated while the statistics are computed,
     * see {@link Overlap}) with the given statistics, or (fixed null) with those of x. gamma and
     * beta may be null.
     */
    static Output forward(float[] x, NormCore.Spec spec, Stats fixed, float[] gamma, float[] beta, float[] y) {
        NormLayout l = spec.layout();
        if (!fused(spec)) {
            Stats st = fixed != null ? fixed : Stats.compute(x, l, spec.centered());
            float[] out = y != null ? y : new float[x.length];
            NormReference.forward(x, spec, st, gamma, beta, out);
            return new Output(out, st);
        }
        NormLoops loops = NormLoops.current();
        int k = l.statCount();
        double[] mean = fixed == null ? new double[k] : null, var = fixed == null ? new double[k] : null;
        if (Stats.byColumns(l)) {
            float[] out = y != null ? y : new float[x.length];
            Parallel.forRange(l.c(), Stats.columnGrain(l), (chunk, c0, c1) -> {
                if (fixed == null) Stats.columns(loops, x, l, spec.centered(), c0, c1, mean, var);
                Stats st = fixed != null ? fixed : Stats.of(mean, var, 0);
                ColumnParams p = new ColumnParams(l.c(), st, spec.eps(), c0, c1, gamma);
                float[] b = new float[l.c()];
                if (beta != null) System.arraycopy(beta, c0, b, c0, c1 - c0);
                for (int i = 0; i < l.n(); i++) loops.colAffine(x, i * l.c() + c0, c1 - c0, p.hi, p.lo, p.scale, b, c0, out);
            });
            return new Output(out, fixed != null ? fixed : Stats.of(mean, var, l.groupSize()));
        }
        boolean element = spec.affine() == NormCore.AffineAxis.ELEMENT;
        int params = l.c() * l.s(), grain = Accum.grain(Stats.runElements(l));
        float[] g1 = element ? orFill(gamma, params, 1f) : gamma, b0 = element ? orFill(beta, params, 0f) : beta;
        Overlap.Output group = (g, dst) -> {
            double mu = fixed == null ? mean[g] : fixed.mean(g);
            double rstd = 1.0 / Math.sqrt((fixed == null ? var[g] : fixed.var(g)) + spec.eps());
            normalize(loops, x, l, element, g, mu, rstd, g1, b0, dst);
        };
        float[] out = Overlap.run(Parallel.chunks(k, grain), x.length, y, (chunk, dst) -> {
            double[] sums = new double[2];
            for (int g = chunk * grain, end = Math.min(k, g + grain); g < end; g++) {
                if (fixed == null) Stats.moments(loops, x, l, spec.centered(), g, mean, var, sums);
                if (dst != null) group.write(g, dst);
            }
        }, (chunk, dst) -> {
            for (int g = chunk * grain, end = Math.min(k, g + grain); g < end; g++) group.write(g, dst);
        });
        return new Output(out, fixed != null ? fixed : Stats.of(mean, var, l.groupSize()));
    }

    /** y over the rows of statistic g. */
    private static void normalize(NormLoops loops, float[] x, NormLayout l, boolean element, int g, double mu, double rstd,
                                  float[] gamma, float[] beta, float[] y) {
        float hi = (float) mu, lo = (float) (mu - hi), rs = (float) rstd;
        int c = l.c(), s = l.s(), cpg = l.channelsPerGroup(), runs = l.poolBatch() ? l.n() : 1;
        for (int i = 0; i < runs; i++) {
            for (int t = 0; t < cpg; t++) {
                int row = i * c + g * cpg + t, ch = row % c;
                if (element) {
                    loops.affineElement(x, row * s, s, hi, lo, rs, gamma, beta, ch * s, y);
                } else {
                    loops.affine(x, row * s, s, hi, lo, gamma == null ? rs : rs * gamma[ch], beta == null ? 0f : beta[ch], y);
                }
            }
        }
    }

    static Grads backward(float[] dy, float[] x, NormCore.Spec spec, Stats st, boolean statsOfX,
                          float[] gamma, boolean needDx, boolean needGamma, boolean needBeta) {
        if (!fused(spec)) return NormReference.backward(dy, x, spec, st, statsOfX, gamma, needDx, needGamma, needBeta);
        return Stats.byColumns(spec.layout())
                ? NormBackward.columns(dy, x, spec, st, statsOfX, gamma, needDx, needGamma, needBeta)
                : NormBackward.runs(dy, x, spec, st, statsOfX, gamma, needDx, needGamma, needBeta);
    }

    /** {@code v}, or a new array of {@code n} copies of {@code fill} when v is null. */
    static float[] orFill(float[] v, int n, float fill) {
        if (v != null) return v;
        float[] f = new float[n];
        java.util.Arrays.fill(f, fill);
        return f;
    }

    /** Per-channel mean split into two floats, and {@code rstd * gamma}, for channels [c0, c1) (arrays of C). */
    static final class ColumnParams {
        final float[] hi;
        final float[] lo;
        final float[] scale;

        ColumnParams(int c, Stats st, float eps, int c0, int c1, float[] gamma) {
            hi = new float[c];
            lo = new float[c];
            scale = new float[c];
            for (int ch = c0; ch < c1; ch++) {
                hi[ch] = (float) st.mean(ch);
                lo[ch] = (float) (st.mean(ch) - hi[ch]);
                float rs = (float) st.rstd(ch, eps);
                scale[ch] = gamma == null ? rs : rs * gamma[ch];
            }
        }
    }
}
