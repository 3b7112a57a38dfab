package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.tensor.Im2col;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;

/**
 * Differentiable convolutions as functions of their input, weight and bias variables, so a layer
 * can feed a transformed weight (e.g. weight standardization) through the same fast kernel.
 *
 * <p>{@code conv2d}: x (N, C, H, W), weight (Cout, C/groups, kH, kW) (PyTorch's layout), bias
 * (Cout) or null; output (N, Cout, oH, oW) with
 * <pre>
 *   y[n, co, oh, ow] = b[co] + sum_{ci in group(co), i, j} W[co, ci', i, j] * x[n, ci, oh*sH - pH + i*dH, ow*sW - pW + j*dW]
 * </pre>
 * (zero outside the image; a cross-correlation, as in every DL framework) and
 * {@code oH = floor((H + 2pH - dH(kH-1) - 1)/sH) + 1}, likewise oW. Backward gives dx, dW and db
 * ({@link Conv2dFunction}).
 */
public final class ConvOps {
    private ConvOps() {}

    /** 2-D convolution; {@code bias} may be null. */
    public static Var conv2d(Var x, Var weight, Var bias, ConvSpec spec) {
        int[] xs = x.shape(), ws = weight.shape();
        if (xs.length != 4) throw new ShapeException("conv2d: expected 4-D input (N, C, H, W), got " + Shape.str(xs));
        if (ws.length != 4) throw new ShapeException("conv2d: expected 4-D weight (Cout, C/groups, kH, kW), got " + Shape.str(ws));
        int g = spec.groups(), c = xs[1], cout = ws[0];
        if (c % g != 0 || cout % g != 0) {
            throw new ShapeException("conv2d: input channels " + c + " and output channels " + cout + " must be divisible by groups " + g);
        }
        if (ws[1] != c / g) {
            throw ShapeException.of("conv2d", "weight's dim 1 must be C/groups = " + c / g + " (input, weight)", xs, ws);
        }
        if (bias != null && !bias.value().hasShape(cout)) {
            throw ShapeException.of("conv2d", "bias must have shape [Cout] (bias, weight)", bias.shape(), ws);
        }
        Im2col.Geometry geo;
        try {
            geo = new Im2col.Geometry(c, xs[2], xs[3], ws[2], ws[3], spec.strideH(), spec.strideW(),
                    spec.padH(), spec.padW(), spec.dilationH(), spec.dilationW());
        } catch (ShapeException e) {
            throw new ShapeException("conv2d: input " + Shape.str(xs) + ", weight " + Shape.str(ws) + ", " + spec + ": " + e.getMessage());
        }
        Conv2dFunction f = new Conv2dFunction(geo, xs[0], cout, g, bias != null);
        return bias == null ? f.apply(x, weight) : f.apply(x, weight, bias);
    }

    /**
     * 1-D convolution over sequences: x (N, C, L), weight (Cout, C/groups, k), bias (Cout) or null;
     * output (N, Cout, oL), {@code oL = floor((L + 2p - d(k-1) - 1)/s) + 1}. Computed as
     * {@link #conv2d} with height 1.
     */
    public static Var conv1d(Var x, Var weight, Var bias, int stride, int padding, int dilation, int groups) {
        int[] xs = x.shape(), ws = weight.shape();
        if (xs.length != 3) throw new ShapeException("conv1d: expected 3-D input (N, C, L), got " + Shape.str(xs));
        if (ws.length != 3) throw new ShapeException("conv1d: expected 3-D weight (Cout, C/groups, k), got " + Shape.str(ws));
        ConvSpec spec = new ConvSpec(1, stride, 0, padding, 1, dilation, groups);
        Var y = conv2d(x.reshape(xs[0], xs[1], 1, xs[2]), weight.reshape(ws[0], ws[1], 1, ws[2]), bias, spec);
        int[] ys = y.shape();
        return y.reshape(ys[0], ys[1], ys[3]);
    }
}
