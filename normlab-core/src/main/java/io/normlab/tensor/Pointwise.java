package io.normlab.tensor;

/**
 * The activation functions and their derivatives as whole-tensor passes, through
 * {@link MathLoops} (vectorized when the Vector API is present), in parallel chunks of
 * {@link Elementwise#GRAIN} elements (a tensor below it stays on one thread). Results are new
 * tensors; elementwise, so bit-identical for any thread count.
 */
public final class Pointwise {
    private Pointwise() {}

    /** {@code tanh(x)}. */
    public static Tensor tanh(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        MathLoops m = MathLoops.current();
        Parallel.forRange(in.length, Elementwise.GRAIN, (c, lo, hi) -> m.tanh(in, lo, y, lo, hi - lo));
        return Tensor.wrap(y, x.shape());
    }

    /** {@code 1 / (1 + e^-x)}. */
    public static Tensor sigmoid(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        MathLoops m = MathLoops.current();
        Parallel.forRange(in.length, Elementwise.GRAIN, (c, lo, hi) -> m.sigmoid(in, lo, y, lo, hi - lo));
        return Tensor.wrap(y, x.shape());
    }

    /** {@code g * (1 - y^2)}, the gradient through {@code y = tanh(x)}. */
    public static Tensor tanhBackward(Tensor g, Tensor y) {
        float[] gs = g.data(), ys = y.data(), dx = new float[gs.length];
        Parallel.forRange(gs.length, Elementwise.GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) dx[i] = gs[i] * (1f - ys[i] * ys[i]);
        });
        return Tensor.wrap(dx, g.shape());
    }

    /** {@code g * y * (1 - y)}, the gradient through {@code y = sigmoid(x)}. */
    public static Tensor sigmoidBackward(Tensor g, Tensor y) {
        float[] gs = g.data(), ys = y.data(), dx = new float[gs.length];
        Parallel.forRange(gs.length, Elementwise.GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) dx[i] = gs[i] * ys[i] * (1f - ys[i]);
        });
        return Tensor.wrap(dx, g.shape());
    }

    /** {@code x > 0 ? x : slope * x}, +0 for non-positive zeros. */
    public static Tensor leakyRelu(Tensor x, float slope) {
        float[] in = x.data(), y = new float[in.length];
        MathLoops m = MathLoops.current();
        Parallel.forRange(in.length, Elementwise.GRAIN, (c, lo, hi) -> m.leakyRelu(in, slope, y, lo, hi - lo));
        return Tensor.wrap(y, x.shape());
    }

    /** {@code x > 0 ? g : slope * g}. */
    public static Tensor leakyReluBackward(Tensor g, Tensor x, float slope) {
        float[] gs = g.data(), in = x.data(), dx = new float[gs.length];
        MathLoops m = MathLoops.current();
        Parallel.forRange(gs.length, Elementwise.GRAIN, (c, lo, hi) -> m.leakyReluGrad(gs, in, slope, dx, lo, hi - lo));
        return Tensor.wrap(dx, g.shape());
    }
}
