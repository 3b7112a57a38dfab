package io.normlab.nn.rnn;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.MathLoops;
import io.normlab.tensor.Tensor;

/** Dense pieces shared by the fused recurrent cells (row-major arrays, Gemm for every product). */
final class GateMath {
    private GateMath() {}

    /**
     * {@code out[m x n] = x[m x k] @ w[n x k]^T + b1 + b2} (null biases skipped); {@code accumulate}
     * adds to out. {@code wT}, when not null, is w already transposed (k x n): the product then
     * reads it in place instead of transposing w into the GEMM's pack buffer on every call.
     */
    static void affine(float[] x, float[] w, float[] wT, float[] b1, float[] b2, int m, int n, int k, float[] out, boolean accumulate) {
        boolean acc = accumulate;
        if (b1 != null || b2 != null) {
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < n; j++) {
                    float b = (b1 == null ? 0f : b1[j]) + (b2 == null ? 0f : b2[j]);
                    out[r * n + j] = acc ? out[r * n + j] + b : b;
                }
            }
            acc = true;
        }
        if (wT != null) Gemm.current().gemm(false, false, m, n, k, x, 0, wT, 0, out, 0, acc);
        else Gemm.current().gemm(false, true, m, n, k, x, 0, w, 0, out, 0, acc);
    }

    /** {@code dx[m x k] (+)= dg[m x n] @ w[n x k]}. */
    static void inputGrad(float[] dg, float[] w, int m, int n, int k, float[] dx, boolean accumulate) {
        Gemm.current().gemm(false, false, m, k, n, dg, 0, w, 0, dx, 0, accumulate);
    }

    /** {@code dw[n x k] = dg[m x n]^T @ x[m x k]} as a tensor of shape (n, k). */
    static Tensor weightGrad(float[] dg, float[] x, int m, int n, int k) {
        float[] dw = new float[n * k];
        Gemm.current().gemm(true, false, n, k, m, dg, 0, x, 0, dw, 0, false);
        return Tensor.wrap(dw, n, k);
    }

    /** Column sums of {@code dg[m x n]} (the bias gradient), accumulated in double. */
    static Tensor biasGrad(float[] dg, int m, int n) {
        double[] s = new double[n];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) s[j] += dg[r * n + j];
        }
        float[] b = new float[n];
        for (int j = 0; j < n; j++) b[j] = (float) s[j];
        return Tensor.wrap(b, n);
    }

    /**
     * One row of the LSTM cell update {@code c' = f * c + i * g}: the activated gates i, f, g are
     * H-long blocks one after another from {@code gates[gAt]}; c and c' are H long.
     */
    static void cellRow(float[] gates, int gAt, float[] c, int cAt, float[] out, int outAt, int hid) {
        for (int j = 0; j < hid; j++) out[outAt + j] = gates[gAt + hid + j] * c[cAt + j] + gates[gAt + j] * gates[gAt + 2 * hid + j];
    }

    /**
     * Its gradient, from dc' (the total gradient of c', H long, at {@code dcn[dcAt]}):
     * {@code da_i = dc' g i (1 - i)}, {@code da_f = dc' c f (1 - f)}, {@code da_g = dc' i (1 - g^2)}
     * into the blocks of da from {@code daAt} (laid out as the gates), and {@code dc = dc' f} into
     * {@code dc[dcAt]}, which may be dcn itself (each element is read before it is written).
     */
    static void cellRowGrad(float[] dcn, float[] gates, int gAt, float[] c, int cAt, float[] da, int daAt, float[] dc, int dcAt, int hid) {
        for (int j = 0; j < hid; j++) {
            float d = dcn[dcAt + j], i = gates[gAt + j], f = gates[gAt + hid + j], g = gates[gAt + 2 * hid + j];
            da[daAt + j] = d * g * i * (1f - i);
            da[daAt + hid + j] = d * c[cAt + j] * f * (1f - f);
            da[daAt + 2 * hid + j] = d * i * (1f - g * g);
            dc[dcAt + j] = d * f;
        }
    }

    /** {@link MathLoops#sigmoid(float)}. */
    static float sigmoid(float v) {
        return MathLoops.sigmoid(v);
    }

    /** {@link MathLoops#tanh(float)} (Math.tanh is not intrinsified on JDK 17: ~45 ns a call). */
    static float tanh(float v) {
        return MathLoops.tanh(v);
    }
}
