package io.normlab.nn.norm;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Differentiable group statistics, for layers that mix statistics before normalizing (Switchable
 * Normalization). For each group g of m elements of a {@link NormLayout}:
 * <pre>
 *   mean_g = sum(x) / m                 d mean_g / d x_i = 1 / m
 *   var_g  = sum((x - mean_g)^2) / m     d var_g  / d x_i = 2 (x_i - mean_g) / m
 * </pre>
 * (the variance's path through the mean vanishes: sum(x - mean_g) = 0). The values come from
 * {@link Stats#compute} (two passes in double). Both results have shape (statCount).
 *
 * @param mean  the group means
 * @param var   the biased group variances
 * @param stats the same values in double precision (for running-average updates)
 */
public record Moments(Var mean, Var var, Stats stats) {

    /** Means and biased variances of {@code x} grouped by {@code layout}. */
    public static Moments of(Var x, NormLayout layout) {
        if (x.value().numel() != layout.numel()) {
            throw new ShapeException("moments: input of shape " + Shape.str(x.shape()) + " does not match layout " + layout);
        }
        Stats st = Stats.compute(x.value().data(), layout, true);
        return new Moments(new Op(layout, st, false).apply(x), new Op(layout, st, true).apply(x), st);
    }

    private static final class Op extends Function {
        private final NormLayout layout;
        private final Stats stats;
        private final boolean variance;
        private float[] x;
        private int[] shape;

        Op(NormLayout layout, Stats stats, boolean variance) {
            this.layout = layout;
            this.stats = stats;
            this.variance = variance;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            x = in[0].data();
            shape = in[0].shape();
            float[] out = new float[stats.size()];
            for (int g = 0; g < out.length; g++) out[g] = (float) (variance ? stats.var(g) : stats.mean(g));
            return Tensor.wrap(out, out.length);
        }

        @Override
        protected Tensor[] backward(Tensor gradOut) {
            float[] go = gradOut.data(), dx = new float[x.length];
            int s = layout.s();
            double m = layout.groupSize();
            Parallel.forRange(layout.rows(), Accum.grain(s), (chunk, lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    int g = layout.statOfRow(r);
                    double k = go[g] / m, mu = stats.mean(g);
                    for (int i = r * s; i < (r + 1) * s; i++) dx[i] = (float) (variance ? 2 * k * (x[i] - mu) : k);
                }
            });
            return new Tensor[] {Tensor.wrap(dx, shape)};
        }

        @Override
        public String name() {
            return variance ? "group_var" : "group_mean";
        }
    }
}
