package io.normlab.nn.norm;

import io.normlab.autograd.Arithmetic;
import io.normlab.autograd.Var;
import io.normlab.tensor.Tensor;

/**
 * Normalization written the simple way, from autograd ops (Sums, Arithmetic, Shaping): the
 * reference the fused core is held equal to.
 */
final class Reference {
    private Reference() {}

    /** The composed equivalent of {@link NormCore#normalize}. */
    static Var normalize(NormCore.Spec spec, Var x, Var gamma, Var beta) {
        NormLayout l = spec.layout();
        int[] shape = x.shape();
        Var v = l.poolBatch() ? x.reshape(l.n(), l.c(), l.s()) : x.reshape(l.n(), l.groups(), l.channelsPerGroup() * l.s());
        int[] axes = l.poolBatch() ? new int[] {0, 2} : new int[] {2};
        Var d = spec.centered() ? v.sub(v.mean(true, axes)) : v;
        Var var = Arithmetic.square(d).mean(true, axes);
        Var xhat = d.div(Arithmetic.sqrt(var.add(Var.of(Tensor.scalar(spec.eps()))))).reshape(l.n(), l.c(), l.s());
        boolean el = spec.affine() == NormCore.AffineAxis.ELEMENT;
        Var y = xhat;
        if (gamma != null) y = y.mul(el ? gamma.reshape(1, l.c(), l.s()) : gamma.reshape(1, l.c(), 1));
        if (beta != null) y = y.add(el ? beta.reshape(1, l.c(), l.s()) : beta.reshape(1, l.c(), 1));
        return y.reshape(shape);
    }

    /** {@code (x - mean_c) / sqrt(var_c + eps) * gamma_c + beta_c} with given per-channel statistics, on plain loops. */
    static Tensor affineFromStats(Tensor x, float[] mean, float[] var, float eps, float[] gamma, float[] beta) {
        int n = x.size(0), c = x.size(1), s = x.numel() / (n * c);
        float[] in = x.data(), out = new float[in.length];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double scale = gamma[ch] / Math.sqrt(var[ch] + (double) eps);
                for (int k = 0; k < s; k++) {
                    int at = (i * c + ch) * s + k;
                    out[at] = (float) ((in[at] - mean[ch]) * scale + beta[ch]);
                }
            }
        }
        return Tensor.wrap(out, x.shape());
    }
    /**
     * {@code xhat} and, for upstream {@code dy}, {@code dx} of normalization without affine,
     * computed in double on plain loops from the float inputs: the exact answer to compare with.
     */
    static Tensor[] exact(Tensor x, Tensor dy, NormLayout l, boolean centered, double eps) {
        float[] xs = x.data(), g = dy.data();
        int k = l.statCount(), s = l.s();
        double[] mean = new double[k], var = new double[k], dyMean = new double[k], dyXhat = new double[k];
        double m = l.groupSize();
        for (int i = 0; i < xs.length; i++) if (centered) mean[l.statOfRow(i / s)] += xs[i] / m;
        for (int i = 0; i < xs.length; i++) {
            int st = l.statOfRow(i / s);
            var[st] += (xs[i] - mean[st]) * (xs[i] - mean[st]) / m;
        }
        double[] xhat = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int st = l.statOfRow(i / s);
            xhat[i] = (xs[i] - mean[st]) / Math.sqrt(var[st] + eps);
            dyMean[st] += g[i] / m;
            dyXhat[st] += g[i] * xhat[i] / m;
        }
        float[] y = new float[xs.length], dx = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int st = l.statOfRow(i / s);
            y[i] = (float) xhat[i];
            dx[i] = (float) ((g[i] - (centered ? dyMean[st] : 0) - xhat[i] * dyXhat[st]) / Math.sqrt(var[st] + eps));
        }
        return new Tensor[] {Tensor.wrap(y, x.shape()), Tensor.wrap(dx, x.shape())};
    }
}
