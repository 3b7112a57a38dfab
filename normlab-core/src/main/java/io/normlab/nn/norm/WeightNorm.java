package io.normlab.nn.norm;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Weight Normalization (Salimans &amp; Kingma 2016) as a differentiable reparametrization, like
 * {@code torch.nn.utils.weight_norm} with dim 0:
 * <pre>
 *   w_o = g_o * v_o / ||v_o||          (one norm per output row / filter o, over all other dims)
 *   dL/dg_o = (dL/dw_o . v_o) / ||v_o||
 *   dL/dv_o = g_o / ||v_o|| * (dL/dw_o - (dL/dw_o . v_o) / ||v_o||^2 * v_o)
 * </pre>
 * v has shape (out, ...) (a Linear weight (out, in) or a conv weight (out, in/groups, kH, kW));
 * g holds {@code out} values in any shape (PyTorch's weight_g is (out, 1, ...)). Norms and dot
 * products are accumulated in double. A row of v with zero norm is an error.
 */
public final class WeightNorm {
    private WeightNorm() {}

    /** {@code g * v / ||v||} per row of v along dim 0. */
    public static Var apply(Var v, Var g) {
        int[] vs = v.shape();
        if (vs.length < 1 || g.value().numel() != vs[0]) {
            throw ShapeException.of("weightNorm", "g needs one value per row of v (dim 0)", g.shape(), vs);
        }
        return new Op().apply(v, g);
    }

    private static final class Op extends Function {
        private Tensor v, g;
        private double[] norm;

        @Override
        protected Tensor forward(Tensor... in) {
            v = in[0];
            g = in[1];
            int rows = v.size(0), k = v.numel() / rows;
            float[] vd = v.data(), gd = g.data(), w = new float[vd.length];
            norm = new double[rows];
            for (int o = 0; o < rows; o++) {
                norm[o] = Math.sqrt(Accum.sumSqDev(vd, o * k, k, 0.0));
                if (!(norm[o] > 0)) throw new IllegalArgumentException("weightNorm: row " + o + " of v (shape " + Shape.str(v.shape()) + ") has norm " + norm[o]);
                float scale = (float) (gd[o] / norm[o]);
                for (int i = o * k; i < (o + 1) * k; i++) w[i] = scale * vd[i];
            }
            return Tensor.wrap(w, v.shape());
        }

        @Override
        protected Tensor[] backward(Tensor gradOut) {
            int rows = v.size(0), k = v.numel() / rows;
            float[] vd = v.data(), gd = g.data(), dw = gradOut.data();
            float[] dv = needsGrad(0) ? new float[vd.length] : null, dg = new float[rows];
            for (int o = 0; o < rows; o++) {
                double dot = 0;
                for (int i = o * k; i < (o + 1) * k; i++) dot += (double) dw[i] * vd[i];
                dg[o] = (float) (dot / norm[o]);
                if (dv != null) {
                    float a = (float) (gd[o] / norm[o]), b = (float) (dot / (norm[o] * norm[o]));
                    for (int i = o * k; i < (o + 1) * k; i++) dv[i] = a * (dw[i] - b * vd[i]);
                }
            }
            return new Tensor[] {dv == null ? null : Tensor.wrap(dv, v.shape()), needsGrad(1) ? Tensor.wrap(dg, g.shape()) : null};
        }

        @Override
        public String name() {
            return "weight_norm";
        }
    }
}
