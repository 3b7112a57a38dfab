package io.normlab.nn.rnn;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Tensor;

/** Dense pieces shared by the fused recurrent cells (row-major arrays, Gemm for every product). */
final class GateMath {
    private GateMath() {}

    /** {@code out[m x n] = x[m x k] @ w[n x k]^T + b1 + b2} (null biases skipped); {@code accumulate} adds to out. */
    static void affine(float[] x, float[] w, float[] b1, float[] b2, int m, int n, int k, float[] out, boolean accumulate) {
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
        Gemm.current().gemm(false, true, m, n, k, x, 0, w, 0, out, 0, acc);
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

    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    /**
     * tanh in double, rounded to float: {@code 1 - 2/(e^{2x} + 1)}, or its series
     * {@code x - x^3/3 + 2x^5/15} for |x| &lt; 0.01 where the identity cancels. About 5x faster than
     * {@link Math#tanh} (not intrinsified on JDK 17: ~45 ns a call, most of an LSTM step) and equal
     * to {@code (float) Math.tanh(x)} to within an ulp.
     */
    static float tanh(float v) {
        double x = v;
        if (Math.abs(x) < 0.01) {
            double x2 = x * x;
            return (float) (x * (1 - x2 / 3 * (1 - 0.4 * x2)));
        }
        return (float) (1.0 - 2.0 / (Math.exp(2 * x) + 1.0));
    }
}
