package io.normlab.nn.conv;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.tensor.Im2col;
import io.normlab.tensor.Pooling;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Differentiable 2-D pooling on (N, C, H, W) inputs, PyTorch semantics (kernels in
 * {@link Pooling}):
 * <ul>
 *   <li>max: {@code y = max over the window} (padding never wins); dx gets dy at the arg-max,
 *       the first maximum in row-major window order;</li>
 *   <li>average: {@code y = sum over the window / divisor}; the divisor counts the zero padding
 *       when {@code countIncludePad} (PyTorch's default) and only real elements otherwise;</li>
 *   <li>adaptive average to (oH, oW): window {@code [floor(o*H/oH), ceil((o+1)*H/oH))} per axis;
 *       (1, 1) is global average pooling.</li>
 * </ul>
 */
public final class PoolOps {
    private PoolOps() {}

    /** Max pooling; output (N, C, oH, oW). */
    public static Var maxPool2d(Var x, PoolSpec spec) {
        Im2col.Geometry g = geometry("max_pool2d", x, spec);
        int[] xs = x.shape();
        return new Function() {
            private int[] argmax;
            @Override protected Tensor forward(Tensor... in) {
                float[] y = new float[g.channels() * g.colCols()];
                argmax = new int[y.length];
                Pooling.maxForward(g, in[0].data(), y, argmax);
                return Tensor.wrap(y, xs[0], xs[1], g.outH(), g.outW());
            }
            @Override protected Tensor[] backward(Tensor dy) {
                float[] dx = new float[Shape.numel(xs)];
                Pooling.maxBackward(g, dy.data(), argmax, dx);
                return new Tensor[] {Tensor.wrap(dx, xs)};
            }
            @Override public String name() { return "max_pool2d"; }
        }.apply(x);
    }

    /** Average pooling; output (N, C, oH, oW). */
    public static Var avgPool2d(Var x, PoolSpec spec, boolean countIncludePad) {
        Im2col.Geometry g = geometry("avg_pool2d", x, spec);
        int[] xs = x.shape();
        return new Function() {
            @Override protected Tensor forward(Tensor... in) {
                float[] y = new float[g.channels() * g.colCols()];
                Pooling.avgForward(g, countIncludePad, in[0].data(), y);
                return Tensor.wrap(y, xs[0], xs[1], g.outH(), g.outW());
            }
            @Override protected Tensor[] backward(Tensor dy) {
                float[] dx = new float[Shape.numel(xs)];
                Pooling.avgBackward(g, countIncludePad, dy.data(), dx);
                return new Tensor[] {Tensor.wrap(dx, xs)};
            }
            @Override public String name() { return "avg_pool2d"; }
        }.apply(x);
    }

    /** Adaptive average pooling to (outH, outW); output (N, C, outH, outW). */
    public static Var adaptiveAvgPool2d(Var x, int outH, int outW) {
        int[] xs = x.shape();
        if (xs.length != 4) throw new ShapeException("adaptive_avg_pool2d: expected 4-D input (N, C, H, W), got " + Shape.str(xs));
        if (outH < 1 || outW < 1) throw new IllegalArgumentException("adaptive_avg_pool2d: output size must be positive, got " + outH + "x" + outW);
        int planes = xs[0] * xs[1];
        return new Function() {
            @Override protected Tensor forward(Tensor... in) {
                float[] y = new float[planes * outH * outW];
                Pooling.adaptiveAvgForward(planes, xs[2], xs[3], outH, outW, in[0].data(), y);
                return Tensor.wrap(y, xs[0], xs[1], outH, outW);
            }
            @Override protected Tensor[] backward(Tensor dy) {
                float[] dx = new float[Shape.numel(xs)];
                Pooling.adaptiveAvgBackward(planes, xs[2], xs[3], outH, outW, dy.data(), dx);
                return new Tensor[] {Tensor.wrap(dx, xs)};
            }
            @Override public String name() { return "adaptive_avg_pool2d"; }
        }.apply(x);
    }

    private static Im2col.Geometry geometry(String op, Var x, PoolSpec s) {
        int[] xs = x.shape();
        if (xs.length != 4) throw new ShapeException(op + ": expected 4-D input (N, C, H, W), got " + Shape.str(xs));
        try {
            return new Im2col.Geometry(xs[0] * xs[1], xs[2], xs[3], s.kernelH(), s.kernelW(), s.strideH(), s.strideW(), s.padH(), s.padW(), 1, 1);
        } catch (ShapeException e) {
            throw new ShapeException(op + ": input " + Shape.str(xs) + ", " + s + ": " + e.getMessage());
        }
    }
}
