package io.normlab.autograd;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Linalg;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Arrays;

/** Differentiable matrix products. */
public final class MatrixOps {
    private MatrixOps() {}

    /**
     * {@code a @ b}, 2-D or batched with broadcast batch dims ({@link Linalg#matmul}).
     * dA = dC B^T, dB = A^T dC (summed over broadcast batch dims by the engine).
     */
    public static Var matmul(Var a, Var b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Linalg.matmul(in[0], in[1]); }
            @Override protected Tensor[] backward(Tensor g) {
                return new Tensor[] {
                    needsGrad(0) ? Linalg.matmul(g, false, b.value(), true) : null,
                    needsGrad(1) ? Linalg.matmul(a.value(), true, g, false) : null};
            }
            @Override public String name() { return "matmul"; }
        }.apply(a, b);
    }

    /**
     * The affine map of a Linear layer, {@code y = x W^T + b}, PyTorch's convention.
     * Shapes: x (..., in), W (out, in), b (out) or null; y (..., out).
     * Backward: dx = dy W, dW = dy^T x, db = sum of dy over all leading dims.
     */
    public static Var linear(Var x, Var weight, Var bias) {
        int[] xs = x.shape(), ws = weight.shape();
        if (ws.length != 2 || xs.length < 1 || xs[xs.length - 1] != ws[1]) {
            throw ShapeException.of("linear", "input's last dim must equal weight's in_features (weight is (out, in))", xs, ws);
        }
        int out = ws[0], inF = ws[1];
        if (bias != null && !Arrays.equals(bias.shape(), new int[] {out})) {
            throw new ShapeException("linear: bias must have shape [out] = [" + out + "], got " + Shape.str(bias.shape())
                    + " (weight " + Shape.str(ws) + ")");
        }
        int m = Shape.numel(Arrays.copyOf(xs, xs.length - 1)); // rows: product of the leading dims
        int[] ys = xs.clone();
        ys[ys.length - 1] = out;
        Function f = new Function() {
            @Override protected Tensor forward(Tensor... in) {
                float[] y = new float[m * out];
                if (in.length > 2) {
                    float[] bv = in[2].data();
                    for (int r = 0; r < m; r++) System.arraycopy(bv, 0, y, r * out, out);
                }
                Gemm.current().gemm(false, true, m, out, inF, in[0].data(), 0, in[1].data(), 0, y, 0, in.length > 2);
                return Tensor.wrap(y, ys);
            }

            @Override protected Tensor[] backward(Tensor g) {
                Tensor[] r = new Tensor[bias == null ? 2 : 3];
                if (needsGrad(0)) {
                    float[] dx = new float[m * inF];
                    Gemm.current().gemm(false, false, m, inF, out, g.data(), 0, weight.value().data(), 0, dx, 0, false);
                    r[0] = Tensor.wrap(dx, xs);
                }
                if (needsGrad(1)) {
                    float[] dw = new float[out * inF];
                    Gemm.current().gemm(true, false, out, inF, m, g.data(), 0, x.value().data(), 0, dw, 0, false);
                    r[1] = Tensor.wrap(dw, ws);
                }
                if (bias != null && needsGrad(2)) {
                    r[2] = Reductions.sum(g.reshape(m, out), false, 0);
                }
                return r;
            }

            @Override public String name() { return "linear"; }
        };
        return bias == null ? f.apply(x, weight) : f.apply(x, weight, bias);
    }
}
